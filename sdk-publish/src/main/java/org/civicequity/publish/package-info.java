/**
 * Publishing Civic Equity Indicators feeds: converting local tables through mapping files and
 * shipped recipes, deriving estimates from American Community Survey columns with the Census
 * Bureau's margin-of-error formulas ({@link org.civicequity.publish.CensusMoe}), and writing
 * validated, deterministic feeds atomically, with a DCAT-US catalog entry and an equity
 * dashboard.
 *
 * <p>Implementation classes live in {@code org.civicequity.publish.internal}, which is not API.
 */
package org.civicequity.publish;
