/**
 * Implementation classes of {@code org.civicequity.core}: JSON value conversion, the compiled
 * observation checks behind Bean Validation, and schema loading. Not API: these classes may
 * change in any release.
 */
package org.civicequity.core.internal;
