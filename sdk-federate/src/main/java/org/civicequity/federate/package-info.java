/**
 * Federation of Civic Equity Indicators feeds (DESIGN §3.5, §7, §10): the registry
 * ({@code federation.json}), harvesting member feeds into an embedded DuckDB store, and comparing
 * indicators across jurisdictions with disparity measures and margin-of-error-aware significance.
 *
 * <p>The measures themselves ({@link org.civicequity.federate.DisparityMeasures},
 * {@link org.civicequity.federate.DifferenceTest}) are plain functions usable on their own.
 */
package org.civicequity.federate;
