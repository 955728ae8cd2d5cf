/**
 * Implementation of the readers and writers of {@code org.civicequity.core.io}: CSV, NDJSON and
 * JSON row sources, the guarded character stream under the CSV parser, and feed sources for
 * directories and zip files. Not API: these classes may change in any release.
 */
package org.civicequity.core.io.internal;
