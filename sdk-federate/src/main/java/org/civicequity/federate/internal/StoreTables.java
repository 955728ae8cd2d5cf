package org.civicequity.federate.internal;

import java.util.List;

/**
 * The tables of the federation store (documented in {@code docs/architecture.md}). Column names
 * are the standard's field names; every harvested table starts with the {@code member} id.
 */
public final class StoreTables {
  private StoreTables() {
  }

  /** The harvested tables, in creation order; the comparison tables come after a comparison. */
  public static final List<String> HARVEST_TABLES =
      List.of("members", "indicators", "observations", "geographies", "harvest_log");

  /** The tables a comparison writes. */
  public static final List<String> COMPARISON_TABLES =
      List.of("catalogue", "comparison", "summary", "not_compared");

  /** DDL of the harvested tables. */
  public static final List<String> DDL = List.of(
      """
      CREATE TABLE IF NOT EXISTS members (
        member VARCHAR PRIMARY KEY, publisher VARCHAR, location VARCHAR, status VARCHAR,
        reason VARCHAR, sha256 VARCHAR, standardVersion VARCHAR,
        jurisdictionGeoLevel VARCHAR, jurisdictionGeoId VARCHAR, jurisdictionName VARCHAR,
        observations BIGINT, errors BIGINT, warnings BIGINT, seconds DOUBLE,
        harvestedAt TIMESTAMP WITH TIME ZONE)""",
      """
      CREATE TABLE IF NOT EXISTS indicators (
        member VARCHAR, id VARCHAR, name VARCHAR, description VARCHAR, domain VARCHAR,
        unit VARCHAR, polarity VARCHAR, numerator VARCHAR, denominator VARCHAR, universe VARCHAR,
        sourceName VARCHAR, sourceTable VARCHAR, sourceVintage VARCHAR, sourceUrl VARCHAR,
        methodology VARCHAR, confidenceLevel DOUBLE, equivalentTo VARCHAR)""",
      """
      CREATE TABLE IF NOT EXISTS observations (
        member VARCHAR, indicator VARCHAR, geoLevel VARCHAR, geoId VARCHAR, geoName VARCHAR,
        period VARCHAR, raceEthnicity VARCHAR, sex VARCHAR, age VARCHAR, income VARCHAR,
        disability VARCHAR, nativity VARCHAR, "value" DOUBLE, moe DOUBLE, lower DOUBLE,
        upper DOUBLE, numerator DOUBLE, denominator DOUBLE, status VARCHAR, note VARCHAR)""",
      """
      CREATE TABLE IF NOT EXISTS geographies (
        member VARCHAR, geoId VARCHAR, geoName VARCHAR, parentGeoId VARCHAR, tracts VARCHAR[])""",
      """
      CREATE TABLE IF NOT EXISTS harvest_log (
        "at" TIMESTAMP WITH TIME ZONE, member VARCHAR, event VARCHAR, message VARCHAR)""");

  /** DDL of the comparison tables; they are replaced by every comparison. */
  public static final List<String> COMPARISON_DDL = List.of(
      "CREATE OR REPLACE TABLE catalogue (id VARCHAR PRIMARY KEY, name VARCHAR, unit VARCHAR,"
          + " polarity VARCHAR)",
      """
      CREATE OR REPLACE TABLE comparison (
        indicator VARCHAR, period VARCHAR, geoLevel VARCHAR, jurisdiction VARCHAR, geoId VARCHAR,
        "group" VARCHAR, "value" DOUBLE, moe DOUBLE, referenceGroup VARCHAR,
        referenceValue DOUBLE, ratio DOUBLE, difference DOUBLE, z DOUBLE, significant BOOLEAN,
        member VARCHAR, unit VARCHAR, confidenceLevel DOUBLE, population DOUBLE)""",
      """
      CREATE OR REPLACE TABLE summary (
        indicator VARCHAR, period VARCHAR, jurisdiction VARCHAR, indexOfDisparity DOUBLE,
        betweenGroupVariance DOUBLE, theil DOUBLE, meanLogDeviation DOUBLE, "rank" INTEGER,
        geoLevel VARCHAR, geoId VARCHAR, member VARCHAR, referenceGroup VARCHAR, "groups" INTEGER,
        weighted BOOLEAN)""",
      """
      CREATE OR REPLACE TABLE not_compared (
        member VARCHAR, indicator VARCHAR, period VARCHAR, geoLevel VARCHAR, reason VARCHAR,
        detail VARCHAR, "rows" BIGINT)""");
}
