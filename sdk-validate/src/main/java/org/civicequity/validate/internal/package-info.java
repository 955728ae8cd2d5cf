/** The validation engine and its helpers. Not API: may change in any release. */
package org.civicequity.validate.internal;
