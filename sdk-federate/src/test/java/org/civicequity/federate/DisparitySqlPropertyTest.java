package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The measures computed a second, independent way: directly in DuckDB SQL from the textbook
 * formulas, on random groups, agreeing to 1e-9 (relative to the magnitude of the measure).
 */
class DisparitySqlPropertyTest {
  private static Connection db;

  @BeforeContainer
  static void open() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE g (j INTEGER, v DOUBLE, w DOUBLE)");
    }
  }

  @AfterContainer
  static void close() throws SQLException {
    db.close();
  }

  /** Random groups: values in (0, 1000], populations or none, a reference group index. */
  record Groups(List<Double> values, List<Double> weights, int reference) {
  }

  @Provide
  Arbitrary<Groups> groups() {
    return Arbitraries.integers().between(1, 12).flatMap(n -> Combinators.combine(
        Arbitraries.doubles().between(0.01, 1000).ofScale(6).list().ofSize(n),
        Arbitraries.doubles().between(1, 1e6).ofScale(2).list().ofSize(n).injectNull(0.4),
        Arbitraries.integers().between(0, n - 1)).as(Groups::new));
  }

  @Property(tries = 200)
  void measuresEqualSql(@ForAll("groups") Groups g) throws SQLException {
    int n = g.values().size();
    double[] v = g.values().stream().mapToDouble(Double::doubleValue).toArray();
    double[] w = g.weights() == null ? null : g.weights().stream().mapToDouble(Double::doubleValue).toArray();
    double ref = v[g.reference()];
    try (Statement s = db.createStatement()) {
      s.execute("DELETE FROM g");
    }
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO g VALUES (?, ?, ?)")) {
      for (int j = 0; j < n; j++) {
        ps.setInt(1, j);
        ps.setDouble(2, v[j]);
        ps.setDouble(3, w == null ? 1.0 : w[j]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    String sql = """
        WITH s AS (SELECT v, w / SUM(w) OVER () AS p FROM g),
             m AS (SELECT SUM(p * v) AS mu FROM s)
        SELECT ANY_VALUE(mu),
               SUM(p * (v - mu) * (v - mu)),
               SUM(p * (v / mu) * LN(v / mu)),
               SUM(p * LN(mu / v)),
               100 * SUM(p * ABS(v - ?)) / ?,
               100 * SUM(p * ABS(v - mu)) / ANY_VALUE(mu)
        FROM s, m""";
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setDouble(1, ref);
      ps.setDouble(2, ref);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double mu = rs.getDouble(1);
        close(DisparityMeasures.populationWeightedMean(v, w), mu, 1);
        close(DisparityMeasures.betweenGroupVariance(v, w), rs.getDouble(2), mu * mu);
        close(DisparityMeasures.theil(v, w), rs.getDouble(3), 1);
        close(DisparityMeasures.meanLogDeviation(v, w), rs.getDouble(4), 1);
        close(DisparityMeasures.indexOfDisparity(v, w, ref), rs.getDouble(5), 100);
        close(DisparityMeasures.indexOfDisparity(v, w, mu), rs.getDouble(6), 100);
      }
    }
    for (int j = 0; j < n; j++) {
      assertThat(DisparityMeasures.rateRatio(v[j], ref).getAsDouble()).isEqualTo(v[j] / ref);
      assertThat(DisparityMeasures.rateDifference(v[j], ref).getAsDouble()).isEqualTo(v[j] - ref);
    }
  }

  /** Agreement to 1e-9 relative to the larger of the value and the measure's natural scale. */
  private static void close(OptionalDouble ours, double sql, double scale) {
    assertThat(ours).isPresent();
    double tol = 1e-9 * Math.max(Math.abs(sql), Math.max(scale * 1e-3, 1e-3));
    assertThat(ours.getAsDouble()).isCloseTo(sql, within(tol));
  }
}
