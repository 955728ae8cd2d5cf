/**
 * Implementation of the federation module: HTTP fetching, the DuckDB schema, the comparison
 * engine's internals and the output writers. Not API: anything here may change without notice.
 */
package org.civicequity.federate.internal;
