package org.civicequity.federate.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.federate.CompareOptions;
import org.civicequity.federate.ComparisonResult;
import org.civicequity.federate.DifferenceTest;
import org.civicequity.federate.DisparityMeasures;
import org.civicequity.federate.FederationException;
import org.civicequity.federate.FederationStore;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The comparison over a federation store (DESIGN §7, §10).
 *
 * <p>Alignment runs in SQL inside the store: every harvested observation gets a reason why it
 * cannot be compared, or none. Comparable observations share the core-catalogue indicator
 * ({@code equivalentTo}, or the indicator's own id when it is a catalogue id), the unit (the
 * catalogue's), the period and the geography level, are disaggregated by the compared dimension
 * only, have a value, and at least one other jurisdiction has the same. The measures run in Java
 * ({@link DisparityMeasures}, {@link DifferenceTest}) over one group set at a time, streamed from
 * the store in order, so memory holds one set, not the federation.
 */
public final class ComparisonEngine {
  private final FederationStore store;
  private final CompareOptions options;
  private final java.util.function.Function<String, String> populationGroup;

  /**
   * Creates the engine.
   *
   * @param store   the harvested store
   * @param options what to compare
   */
  public ComparisonEngine(FederationStore store, CompareOptions options) {
    this.store = store;
    this.options = options;
    this.populationGroup = populationGroups(options.dimension());
  }

  /**
   * Which population group a code counts: for race and ethnicity the codelist's {@code group}
   * attribute (so {@code white-alone} and {@code white-alone-nh} are the same people tabulated
   * two ways); for other dimensions, and for codes not in the list, the code itself.
   */
  private static java.util.function.Function<String, String> populationGroups(String dimension) {
    if (!dimension.equals("raceEthnicity")) {
      return code -> code;
    }
    org.civicequity.core.Codelist list = org.civicequity.core.Codelists.standard().get("race-ethnicity");
    return code -> list.find(code).map(c -> c.attribute("group")).orElse(code);
  }

  /**
   * Runs the comparison, replacing the comparison tables of the store.
   *
   * @param catalogue the core-catalogue indicators
   * @return the counts
   * @throws FederationException if the store cannot be read or written
   */
  public ComparisonResult run(Collection<Indicator> catalogue) {
    Connection c = store.connection();
    try {
      try (Statement s = c.createStatement()) {
        for (String ddl : StoreTables.COMPARISON_DDL) {
          s.execute(ddl);
        }
      }
      loadCatalogue(c, catalogue);
      classify(c);
      recordNotCompared(c);
      long[] counts = computeSets(c);
      rank(c);
      Map<String, Long> reasons = new LinkedHashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT reason, sum(\"rows\") FROM not_compared"
              + " GROUP BY reason ORDER BY reason")) {
        while (rs.next()) {
          reasons.put(rs.getString(1), rs.getLong(2));
        }
      }
      long jurisdictions;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT count(*) FROM (SELECT DISTINCT member, geoLevel, geoId FROM comparison)")) {
        rs.next();
        jurisdictions = rs.getLong(1);
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS cmp_classified");
        s.execute("DROP TABLE IF EXISTS cmp_units");
      }
      return new ComparisonResult(counts[0], counts[1], jurisdictions, counts[2], reasons);
    } catch (SQLException e) {
      throw new FederationException("cannot compare the federation in " + store + ": "
          + e.getMessage(), e);
    }
  }

  private static void loadCatalogue(Connection c, Collection<Indicator> catalogue)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO catalogue VALUES (?, ?, ?, ?)")) {
      for (Indicator i : catalogue) {
        ps.setString(1, i.id());
        ps.setString(2, i.name());
        ps.setString(3, i.unit());
        ps.setString(4, i.polarity());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Gives every harvested observation its alignment key and, when it cannot be compared, a reason. */
  private void classify(Connection c) throws SQLException {
    String dim = options.dimension();
    List<String> others = new ArrayList<>();
    for (String d : Observation.DIMENSIONS) {
      if (!d.equals(dim)) {
        others.add("CASE WHEN o." + d + " IS NOT NULL THEN '" + d + "' END");
      }
    }
    String selected = options.indicators().isEmpty() ? "FALSE"
        : "COALESCE(i.equivalentTo, i.id) NOT IN (" + placeholders(options.indicators().size()) + ")";
    String sql = """
        CREATE OR REPLACE TABLE cmp_classified AS
        WITH a AS (
          SELECT o.member, o.indicator AS memberIndicator, i.id IS NOT NULL AS defined,
                 i.equivalentTo, COALESCE(i.equivalentTo, i.id) AS cid, k.id IS NOT NULL AS inCatalogue,
                 i.unit, k.unit AS catalogueUnit,
                 COALESCE(NULLIF(k.polarity, ''), i.polarity) AS polarity,
                 COALESCE(i.confidenceLevel, 0.9) AS confidenceLevel,
                 o.geoLevel, o.geoId, o.geoName, o.period, o.%1$s AS grp,
                 concat_ws(',', %2$s) AS otherDims,
                 o."value", o.moe, o.denominator, o.status,
                 CASE
                   WHEN i.id IS NULL THEN 'UNKNOWN_INDICATOR'
                   WHEN k.id IS NULL THEN 'NOT_IN_CATALOGUE'
                   WHEN %3$s THEN 'NOT_SELECTED'
                   WHEN i.unit IS DISTINCT FROM k.unit THEN 'UNIT_MISMATCH'
                   WHEN concat_ws(',', %2$s) <> '' THEN 'OTHER_BREAKDOWN'
                   WHEN o.%1$s IS NULL THEN 'TOTAL'
                   WHEN o."value" IS NULL THEN 'NO_VALUE'
                 END AS reason0
          FROM observations o
          JOIN members m ON m.member = o.member AND m.status = 'harvested'
          LEFT JOIN (SELECT DISTINCT ON (member, id) * FROM indicators ORDER BY member, id) i
            ON i.member = o.member AND i.id = o.indicator
          LEFT JOIN catalogue k ON k.id = COALESCE(i.equivalentTo, i.id)
        )
        SELECT *, CASE
                    WHEN reason0 IS NULL AND sum(CASE WHEN reason0 IS NULL THEN 1 ELSE 0 END)
                      OVER (PARTITION BY member, cid, period, geoLevel, geoId, grp) > 1
                    THEN 'DUPLICATE' ELSE reason0 END AS reason
        FROM a""".formatted(dim, String.join(", ", others), selected);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int p = 1;
      for (String id : options.indicators().stream().sorted().toList()) {
        ps.setString(p++, id);
      }
      ps.execute();
    }
    try (Statement s = c.createStatement()) {
      // A bucket is one catalogue indicator, unit, period and level; it is compared when at
      // least two jurisdictions (a member's geography) have comparable observations in it.
      s.execute("""
          CREATE OR REPLACE TEMP TABLE cmp_buckets AS
          SELECT cid, unit, period, geoLevel,
                 count(DISTINCT member || chr(31) || geoId) AS jurisdictions,
                 list(DISTINCT member) AS members
          FROM cmp_classified WHERE reason IS NULL GROUP BY cid, unit, period, geoLevel""");
      s.execute("""
          UPDATE cmp_classified SET reason = 'NO_OTHER_JURISDICTION'
          FROM cmp_buckets b
          WHERE cmp_classified.reason IS NULL AND b.jurisdictions < 2
            AND b.cid = cmp_classified.cid AND b.unit = cmp_classified.unit
            AND b.period = cmp_classified.period AND b.geoLevel = cmp_classified.geoLevel""");
      // Jurisdiction labels: the geography's name, qualified only where names clash.
      s.execute("""
          CREATE OR REPLACE TABLE cmp_units AS
          WITH u AS (
            SELECT x.member, x.geoLevel, x.geoId,
                   COALESCE(min(x.geoName), min(g.geoName),
                            min(CASE WHEN m.jurisdictionGeoLevel = x.geoLevel
                                      AND m.jurisdictionGeoId = x.geoId
                                     THEN m.jurisdictionName END),
                            x.geoId) AS name
            FROM cmp_classified x
            JOIN members m ON m.member = x.member
            LEFT JOIN geographies g ON g.member = x.member AND g.geoId = x.geoId
            WHERE x.reason IS NULL GROUP BY x.member, x.geoLevel, x.geoId)
          SELECT member, geoLevel, geoId,
                 CASE WHEN count(*) OVER (PARTITION BY name) = 1 THEN name
                      WHEN count(*) OVER (PARTITION BY name, member) = 1
                        THEN name || ' [' || member || ']'
                      ELSE name || ' [' || member || ', ' || geoLevel || ' ' || geoId || ']'
                 END AS jurisdiction
          FROM u""");
    }
  }

  private void recordNotCompared(Connection c) throws SQLException {
    String dim = options.dimension();
    try (Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO not_compared
          SELECT member, memberIndicator, period, geoLevel, reason,
                 CASE reason
                   WHEN 'UNKNOWN_INDICATOR' THEN 'indicator ' || memberIndicator
                     || ' is not defined in the feed''s indicators.json'
                   WHEN 'NOT_IN_CATALOGUE' THEN CASE WHEN equivalentTo IS NULL
                     THEN 'indicator ' || memberIndicator
                       || ' has no equivalentTo and is not a core-catalogue indicator'
                     ELSE 'equivalentTo ' || equivalentTo || ' is not a core-catalogue indicator' END
                   WHEN 'NOT_SELECTED' THEN cid || ' is not among the indicators compared'
                   WHEN 'UNIT_MISMATCH' THEN 'unit ' || COALESCE(unit, '(none)') || '; '
                     || cid || ' is measured in ' || catalogueUnit
                   WHEN 'OTHER_BREAKDOWN' THEN 'disaggregated by ' || otherDims
                     || '; this comparison is by %1$s'
                   WHEN 'TOTAL' THEN 'all people (no %1$s group): a total, not a group'
                   WHEN 'NO_VALUE' THEN 'no value (status ' || COALESCE(status, 'ok') || ')'
                   WHEN 'DUPLICATE' THEN 'more than one value for the same indicator, period,'
                     || ' geography and group'
                   ELSE NULL
                 END AS detail,
                 count(*) AS "rows"
          FROM cmp_classified
          WHERE reason IS NOT NULL AND reason <> 'NO_OTHER_JURISDICTION'
          GROUP BY member, memberIndicator, period, geoLevel, reason, detail""".formatted(dim));
      // For lonely buckets, say what the other jurisdictions do have, so the user can fix it.
      s.execute("""
          INSERT INTO not_compared
          WITH lonely AS (
            SELECT member, memberIndicator, cid, unit, period, geoLevel, count(*) AS n
            FROM cmp_classified WHERE reason = 'NO_OTHER_JURISDICTION'
            GROUP BY member, memberIndicator, cid, unit, period, geoLevel),
          elsewhere AS (
            SELECT member, cid, period, geoLevel,
                   string_agg(DISTINCT op, ', ' ORDER BY op) AS periods,
                   string_agg(DISTINCT ol, ', ' ORDER BY ol) AS levels
            FROM (
              SELECT l.member, l.cid, l.period, l.geoLevel,
                     CASE WHEN b.geoLevel = l.geoLevel AND b.period <> l.period
                          THEN b.period END AS op,
                     CASE WHEN b.period = l.period AND b.geoLevel <> l.geoLevel
                          THEN b.geoLevel END AS ol
              FROM lonely l JOIN cmp_buckets b
                ON b.cid = l.cid
               AND (b.jurisdictions >= 2 OR NOT list_contains(b.members, l.member)))
            GROUP BY member, cid, period, geoLevel)
          SELECT l.member, l.memberIndicator, l.period, l.geoLevel, 'NO_OTHER_JURISDICTION',
                 'no other jurisdiction has ' || l.cid || ' (' || COALESCE(l.unit, '') || ') for '
                   || l.period || ' at level ' || l.geoLevel
                   || CASE WHEN e.periods IS NOT NULL
                           THEN '; others have it at this level for ' || e.periods ELSE '' END
                   || CASE WHEN e.levels IS NOT NULL
                           THEN '; others have it for this period at level ' || e.levels ELSE '' END,
                 l.n
          FROM lonely l LEFT JOIN elsewhere e
            ON e.member = l.member AND e.cid = l.cid AND e.period = l.period
           AND e.geoLevel = l.geoLevel""");
    }
  }

  /**
   * Streams the comparable observations set by set and writes comparison and summary rows.
   *
   * <p>A set is one jurisdiction's groups for one indicator, period and level. Sets are numbered
   * in SQL ({@code cmp_sets}); Java reads two ordered streams (the sets, and their rows as
   * numbers plus the group code), computes, and appends narrow rows (set number, numbers, group
   * codes) that SQL then joins back to the set's text columns. Strings cross JDBC once per set,
   * not once per row.
   */
  private long[] computeSets(Connection c) throws SQLException {
    long comparisonRows = 0;
    long summaryRows = 0;
    long withoutReference = 0;
    try (Statement s = c.createStatement()) {
      s.execute("""
          CREATE OR REPLACE TABLE cmp_sets AS
          SELECT row_number() OVER (ORDER BY cid, period, geoLevel, member, geoId) AS sid, *
          FROM (SELECT DISTINCT x.cid, x.period, x.geoLevel, x.member, x.geoId, u.jurisdiction,
                       x.unit, x.polarity, x.confidenceLevel
                FROM cmp_classified x
                JOIN cmp_units u ON u.member = x.member AND u.geoLevel = x.geoLevel
                                AND u.geoId = x.geoId
                WHERE x.reason IS NULL)""");
      s.execute("CREATE OR REPLACE TABLE cmp_out_rows (sid BIGINT, \"group\" VARCHAR,"
          + " \"value\" DOUBLE, moe DOUBLE, referenceGroup VARCHAR, referenceValue DOUBLE,"
          + " ratio DOUBLE, difference DOUBLE, z DOUBLE, significant BOOLEAN, population DOUBLE)");
      s.execute("CREATE OR REPLACE TABLE cmp_out_sets (sid BIGINT, referenceGroup VARCHAR,"
          + " indexOfDisparity DOUBLE, betweenGroupVariance DOUBLE, theil DOUBLE,"
          + " meanLogDeviation DOUBLE, \"groups\" INTEGER, weighted BOOLEAN)");
    }
    String setsSql = "SELECT sid, polarity, confidenceLevel FROM cmp_sets ORDER BY sid";
    String rowsSql = """
        SELECT s.sid, x.grp, x."value", x.moe, x.denominator
        FROM cmp_classified x
        JOIN cmp_sets s ON s.cid = x.cid AND s.period = x.period AND s.geoLevel = x.geoLevel
                       AND s.member = x.member AND s.geoId = x.geoId
        WHERE x.reason IS NULL
        ORDER BY s.sid, x.grp""";
    try (DuckDBConnection writer = (DuckDBConnection) store.newConnection();
        DuckDBAppender rowsOut = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cmp_out_rows");
        DuckDBAppender setsOut = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cmp_out_sets");
        Connection setReader = store.newConnection();
        Statement ss = setReader.createStatement();
        ResultSet sets = ss.executeQuery(setsSql);
        Connection rowReader = store.newConnection();
        Statement rs0 = rowReader.createStatement();
        ResultSet rows = rs0.executeQuery(rowsSql)) {
      boolean more = rows.next();
      while (sets.next()) {
        long sid = sets.getLong(1);
        GroupSet set = new GroupSet(sid, sets.getString(2), sets.getDouble(3), populationGroup);
        while (more && rows.getLong(1) == sid) {
          set.add(rows.getString(2), rows.getDouble(3), nullableDouble(rows, 4),
              nullableDouble(rows, 5));
          more = rows.next();
        }
        if (set.size() == 0) {
          continue;
        }
        SetOutcome out = set.compute(options.referenceGroup());
        out.write(rowsOut, setsOut);
        comparisonRows += set.size();
        summaryRows++;
        withoutReference += out.hasReference() ? 0 : 1;
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO comparison
          SELECT s.cid, s.period, s.geoLevel, s.jurisdiction, s.geoId, r."group", r."value", r.moe,
                 r.referenceGroup, r.referenceValue, r.ratio, r.difference, r.z, r.significant,
                 s.member, s.unit, s.confidenceLevel, r.population
          FROM cmp_out_rows r JOIN cmp_sets s USING (sid)""");
      s.execute("""
          INSERT INTO summary
          SELECT s.cid, s.period, s.jurisdiction, o.indexOfDisparity, o.betweenGroupVariance,
                 o.theil, o.meanLogDeviation, NULL, s.geoLevel, s.geoId, s.member,
                 o.referenceGroup, o."groups", o.weighted
          FROM cmp_out_sets o JOIN cmp_sets s USING (sid)""");
      s.execute("DROP TABLE cmp_out_rows");
      s.execute("DROP TABLE cmp_out_sets");
      s.execute("DROP TABLE cmp_sets");
    }
    return new long[] {comparisonRows, summaryRows, withoutReference};
  }

  /** Ranks jurisdictions by Index of Disparity within each indicator, period and level. */
  private static void rank(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("""
          CREATE OR REPLACE TABLE summary AS
          SELECT * REPLACE (
            CASE WHEN indexOfDisparity IS NULL THEN NULL
                 ELSE CAST(rank() OVER (PARTITION BY indicator, period, geoLevel
                                        ORDER BY indexOfDisparity NULLS LAST) AS INTEGER)
            END AS "rank")
          FROM summary""");
    }
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double d = rs.getDouble(column);
    return rs.wasNull() ? null : d;
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** The groups of one jurisdiction for one indicator, period and level. */
  static final class GroupSet {
    final long sid;
    final String polarity;
    final double confidenceLevel;
    final java.util.function.Function<String, String> populationGroup;
    final List<String> groups = new ArrayList<>();
    final List<Double> values = new ArrayList<>();
    final List<Double> moes = new ArrayList<>();
    final List<Double> populations = new ArrayList<>();

    GroupSet(long sid, String polarity, double confidenceLevel,
        java.util.function.Function<String, String> populationGroup) {
      this.sid = sid;
      this.polarity = polarity;
      this.confidenceLevel = confidenceLevel;
      this.populationGroup = populationGroup;
    }

    void add(String group, double value, Double moe, Double population) {
      groups.add(group);
      values.add(value);
      moes.add(moe);
      populations.add(population);
    }

    int size() {
      return groups.size();
    }

    /** The index of the reference group, or -1 when there is none. */
    int reference(String requested) {
      if (requested != null) {
        return groups.indexOf(requested);
      }
      boolean higher = "higher-is-better".equals(polarity);
      boolean lower = "lower-is-better".equals(polarity);
      if (!higher && !lower) {
        return -1;
      }
      int best = 0;
      for (int j = 1; j < values.size(); j++) {
        double v = values.get(j);
        if (higher ? v > values.get(best) : v < values.get(best)) {
          best = j;
        }
      }
      return best;
    }

    SetOutcome compute(String requestedReference) {
      int n = groups.size();
      double[] v = new double[n];
      double[] w = new double[n];
      boolean weighted = true;
      for (int j = 0; j < n; j++) {
        v[j] = values.get(j);
        Double p = populations.get(j);
        if (p == null || !(p > 0) || !Double.isFinite(p)) {
          weighted = false;
        } else {
          w[j] = p;
        }
      }
      double[] weights = weighted ? w : null;
      int ref = reference(requestedReference);
      List<Object[]> rows = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        Double ratio = null;
        Double difference = null;
        Double z = null;
        Boolean significant = null;
        if (ref >= 0) {
          ratio = box(DisparityMeasures.rateRatio(v[j], v[ref]));
          difference = box(DisparityMeasures.rateDifference(v[j], v[ref]));
          Double m1 = moes.get(j);
          Double m2 = moes.get(ref);
          if (m1 != null && m2 != null && m1 >= 0 && m2 >= 0
              && confidenceLevel > 0 && confidenceLevel < 1) {
            Optional<DifferenceTest> t =
                DifferenceTest.ofMargins(v[j], m1, v[ref], m2, confidenceLevel);
            if (t.isPresent()) {
              z = t.get().z();
              significant = t.get().significant();
            }
          }
        }
        rows.add(new Object[] {groups.get(j), v[j], moes.get(j), ref >= 0 ? groups.get(ref) : null,
            ref >= 0 ? v[ref] : null, ratio, difference, z, significant, populations.get(j)});
      }
      // One population group has no disparity to measure: its zeros would rank it "most equal"
      // (in ACS 1-year data, often a county where only the White medians are published, as
      // white-alone and white-alone-nh: two codes, one group).
      boolean measurable = groups.stream().map(populationGroup).distinct().count() >= 2;
      Double id = measurable && ref >= 0
          ? box(DisparityMeasures.indexOfDisparity(v, weights, v[ref])) : null;
      Double bgv = measurable ? box(DisparityMeasures.betweenGroupVariance(v, weights)) : null;
      Double theil = measurable ? box(DisparityMeasures.theil(v, weights)) : null;
      Double mld = measurable ? box(DisparityMeasures.meanLogDeviation(v, weights)) : null;
      return new SetOutcome(this, rows, ref >= 0 ? groups.get(ref) : null, id, bgv, theil, mld,
          weighted);
    }

    private static Double box(OptionalDouble d) {
      return d.isPresent() ? d.getAsDouble() : null;
    }
  }

  /** The computed rows of one set, ready to append. */
  record SetOutcome(GroupSet set, List<Object[]> rows, String referenceGroup, Double id,
      Double bgv, Double theil, Double mld, boolean weighted) {

    boolean hasReference() {
      return referenceGroup != null;
    }

    void write(DuckDBAppender rowsOut, DuckDBAppender setsOut) throws SQLException {
      for (Object[] r : rows) {
        rowsOut.beginRow();
        rowsOut.append(set.sid);
        rowsOut.append((String) r[0]);
        rowsOut.append((double) (Double) r[1]);
        number(rowsOut, (Double) r[2]);
        text(rowsOut, (String) r[3]);
        number(rowsOut, (Double) r[4]);
        number(rowsOut, (Double) r[5]);
        number(rowsOut, (Double) r[6]);
        number(rowsOut, (Double) r[7]);
        if (r[8] == null) {
          rowsOut.appendNull();
        } else {
          rowsOut.append((boolean) (Boolean) r[8]);
        }
        number(rowsOut, (Double) r[9]);
        rowsOut.endRow();
      }
      setsOut.beginRow();
      setsOut.append(set.sid);
      text(setsOut, referenceGroup);
      number(setsOut, id);
      number(setsOut, bgv);
      number(setsOut, theil);
      number(setsOut, mld);
      setsOut.append(rows.size());
      setsOut.append(weighted);
      setsOut.endRow();
    }

    private static void number(DuckDBAppender a, Double d) throws SQLException {
      if (d == null) {
        a.appendNull();
      } else {
        a.append(d.doubleValue());
      }
    }

    private static void text(DuckDBAppender a, String s) throws SQLException {
      if (s == null) {
        a.appendNull();
      } else {
        a.append(s);
      }
    }
  }
}
