package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;

/**
 * The whole comparison against a second, independent computation: random federations are
 * compared, then every ratio, difference, z, significance flag, measure and rank is recomputed
 * in plain SQL from the {@code observations} table with the textbook formulas and must agree to
 * 1e-9.
 */
class ComparerSqlPropertyTest {
  private static final List<String> GROUPS = List.of("aian-alone", "asian-alone", "black-alone",
      "hispanic", "nhpi-alone", "white-alone-nh", "multiracial");

  @Property(tries = 12)
  void comparisonEqualsSql(@ForAll long seed) throws SQLException {
    Random rnd = new Random(seed);
    String polarity = rnd.nextBoolean() ? "lower-is-better" : "higher-is-better";
    List<Indicator> catalogue = List.of(
        Fixtures.indicator("poverty-rate", "percent", polarity, null, null));
    double level = new double[] {0.90, 0.95, 0.80}[rnd.nextInt(3)];
    try (FederationStore store = FederationStore.inMemory()) {
      int members = 2 + rnd.nextInt(4);
      for (int m = 0; m < members; m++) {
        boolean weighted = rnd.nextBoolean();
        List<Observation> rows = new ArrayList<>();
        for (String period : List.of("2019", "2020")) {
          for (int geo = 0; geo < 1 + rnd.nextInt(2); geo++) {
            List<String> groups = new ArrayList<>(GROUPS);
            java.util.Collections.shuffle(groups, rnd);
            for (String g : groups.subList(0, 2 + rnd.nextInt(5))) {
              Double moe = rnd.nextInt(8) == 0 ? null : 0.1 + 10 * rnd.nextDouble();
              rows.add(Fixtures.obs("pov", "county", String.format("%05d", 24000 + m * 10 + geo),
                  period, g, 0.5 + 60 * rnd.nextDouble(), moe,
                  weighted ? 100 + rnd.nextInt(100000) * 1.0 : null));
            }
          }
        }
        Fixtures.load(store, Fixtures.harvested("m" + m, rows.size()),
            List.of(Fixtures.indicator("pov", "percent", polarity, "poverty-rate", level)), rows);
      }
      ComparisonResult r = Comparer.compare(store, catalogue, CompareOptions.defaults());
      assertThat(r.notComparedRows()).isZero();
      assertThat(r.comparisonRows()).isEqualTo(store.count("observations"));
      double c = DifferenceTest.criticalValue(level);
      String best = polarity.equals("lower-is-better") ? "arg_min" : "arg_max";
      String sql = """
          WITH o AS (SELECT member, geoId, period, raceEthnicity AS g, "value" AS v, moe AS m,
                            denominator AS d FROM observations),
          s AS (SELECT member, geoId, period, %1$s(g, v) AS rg, %1$s(v, v) AS rv, %1$s_null(m, v) AS rm,
                       count(*) AS n, count(d) AS nd, sum(d) AS sd
                FROM o GROUP BY member, geoId, period),
          j AS (SELECT o.*, s.rg, s.rv, s.rm, s.n,
                       CASE WHEN s.nd = s.n THEN o.d / s.sd ELSE 1.0 / s.n END AS p
                FROM o JOIN s USING (member, geoId, period)),
          mu AS (SELECT member, geoId, period, sum(p * v) AS mu FROM j GROUP BY ALL)
          SELECT j.member, j.geoId, j.period, j.g, j.rg, j.v / j.rv AS ratio, j.v - j.rv AS diff,
                 (j.v - j.rv) / sqrt((j.m / %2$s) ^ 2 + (j.rm / %2$s) ^ 2) AS z,
                 abs((j.v - j.rv) / sqrt((j.m / %2$s) ^ 2 + (j.rm / %2$s) ^ 2)) > %2$s AS sig,
                 100 * sum(j.p * abs(j.v - j.rv)) OVER w / j.rv AS id,
                 sum(j.p * (j.v - mu.mu) ^ 2) OVER w AS bgv,
                 sum(j.p * (j.v / mu.mu) * ln(j.v / mu.mu)) OVER w AS theil,
                 sum(j.p * ln(mu.mu / j.v)) OVER w AS mld,
                 c."value" AS cv, c.referenceGroup AS crg, c.ratio AS cratio,
                 c.difference AS cdiff, c.z AS cz, c.significant AS csig,
                 su.indexOfDisparity AS sid, su.betweenGroupVariance AS sbgv, su.theil AS stheil,
                 su.meanLogDeviation AS smld, su."rank" AS srank
          FROM j JOIN mu USING (member, geoId, period)
          JOIN comparison c ON c.member = j.member AND c.geoId = j.geoId AND c.period = j.period
                           AND c."group" = j.g
          JOIN summary su ON su.member = j.member AND su.geoId = j.geoId AND su.period = j.period
          WINDOW w AS (PARTITION BY j.member, j.geoId, j.period)""".formatted(best, c);
      int checked = 0;
      try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          checked++;
          assertThat(rs.getString("crg")).isEqualTo(rs.getString("rg"));
          close(rs.getDouble("cratio"), rs.getDouble("ratio"));
          close(rs.getDouble("cdiff"), rs.getDouble("diff"));
          double z = rs.getDouble("z");
          boolean zNull = rs.wasNull();
          double cz = rs.getDouble("cz");
          assertThat(rs.wasNull()).isEqualTo(zNull);
          if (!zNull) {
            close(cz, z);
            assertThat(rs.getBoolean("csig")).isEqualTo(rs.getBoolean("sig"));
          }
          close(rs.getDouble("sid"), rs.getDouble("id"));
          close(rs.getDouble("sbgv"), rs.getDouble("bgv"));
          close(rs.getDouble("stheil"), rs.getDouble("theil"));
          close(rs.getDouble("smld"), rs.getDouble("mld"));
        }
      }
      assertThat(checked).isEqualTo(r.comparisonRows());
      // Ranks: 1 + the number of jurisdictions with a strictly smaller index, per period.
      String ranks = """
          SELECT count(*) FROM summary a
          WHERE a."rank" <> 1 + (SELECT count(*) FROM summary b
                                 WHERE b.period = a.period AND b.indexOfDisparity < a.indexOfDisparity)""";
      try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery(ranks)) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  private static void close(double ours, double sql) {
    assertThat(ours).isCloseTo(sql, within(1e-9 * Math.max(1, Math.abs(sql))));
  }
}
