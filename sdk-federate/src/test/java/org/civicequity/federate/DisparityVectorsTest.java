package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The measures against the published disparity vectors in {@code test-vectors/} (WHO healthequal,
 * see its README for sources and tolerance caveats). Each vector is checked twice: against the
 * package's printed value with the source's tolerance, and against the full-precision
 * {@code recomputed_here} value to about half a unit in its last printed digit.
 */
class DisparityVectorsTest {

  /** One input file: values, standard errors, populations, in file order. */
  record Inputs(List<String> names, double[] est, double[] se, double[] pop, int reference) {
    double mean() {
      return DisparityMeasures.populationWeightedMean(est, pop).orElseThrow();
    }
  }

  static Inputs read(String file) throws IOException {
    try (InputStream in = DisparityVectorsTest.class.getResourceAsStream("/test-vectors/" + file)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
      boolean who = rows.get(0).isMapped("subgroup");
      int n = rows.size();
      List<String> names = new ArrayList<>();
      double[] est = new double[n];
      double[] se = new double[n];
      double[] pop = new double[n];
      int ref = -1;
      for (int i = 0; i < n; i++) {
        CSVRecord r = rows.get(i);
        names.add(r.get(who ? "subgroup" : "group"));
        est[i] = Double.parseDouble(r.get(who ? "estimate" : "est"));
        se[i] = Double.parseDouble(r.get("se"));
        pop[i] = Double.parseDouble(r.get(who ? "population" : "pop"));
        if (who && r.get("reference_subgroup").equals("1")) {
          ref = i;
        }
      }
      return new Inputs(names, est, se, pop, ref);
    }
  }

  static int argMin(double[] v, int skip) {
    int best = -1;
    for (int i = 0; i < v.length; i++) {
      if (i != skip && (best < 0 || v[i] < v[best])) {
        best = i;
      }
    }
    return best;
  }

  /** How each vector id is computed with this module's API. */
  static final Map<String, Function<Inputs, Double>> MEASURES = Map.ofEntries(
      // healthequal d(): D = y_ref − y_min; ours is r − r_ref, so the sign flips.
      Map.entry("who_d", in -> -DisparityMeasures.rateDifference(
          in.est[argMin(in.est, in.reference)], in.est[in.reference]).orElseThrow()),
      // healthequal r(): R = y_ref / y_min; ours is r / r_ref with the reference as denominator.
      Map.entry("who_r", in -> DisparityMeasures.rateRatio(
          in.est[in.reference], in.est[argMin(in.est, in.reference)]).orElseThrow()),
      Map.entry("who_bgv", in -> DisparityMeasures.betweenGroupVariance(in.est, in.pop).orElseThrow()),
      Map.entry("who_ti", in -> 1000 * DisparityMeasures.theil(in.est, in.pop).orElseThrow()),
      Map.entry("who_mld", in -> 1000 * DisparityMeasures.meanLogDeviation(in.est, in.pop).orElseThrow()),
      Map.entry("who_idisu", in -> DisparityMeasures.indexOfDisparity(in.est, null, in.mean()).orElseThrow()),
      Map.entry("who_idisw", in -> DisparityMeasures.indexOfDisparity(in.est, in.pop, in.mean()).orElseThrow()),
      Map.entry("test_bgv", in -> DisparityMeasures.betweenGroupVariance(in.est, in.pop).orElseThrow()),
      Map.entry("test_ti", in -> 1000 * DisparityMeasures.theil(in.est, in.pop).orElseThrow()),
      Map.entry("test_mld", in -> 1000 * DisparityMeasures.meanLogDeviation(in.est, in.pop).orElseThrow()),
      Map.entry("test_idisw", in -> DisparityMeasures.indexOfDisparity(in.est, in.pop, in.mean()).orElseThrow()),
      Map.entry("test_idisu", in -> DisparityMeasures.indexOfDisparity(in.est, null, in.mean()).orElseThrow()));

  static Stream<CSVRecord> vectors() throws IOException {
    try (InputStream in = DisparityVectorsTest.class.getResourceAsStream("/test-vectors/disparity_published.csv")) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords().stream();
    }
  }

  /** Half a unit in the last printed decimal place of a number as printed. */
  static double halfUlpOfPrinted(String printed) {
    int dot = printed.indexOf('.');
    int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
    return 0.5 * Math.pow(10, -decimals);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void measureMatchesPublishedVector(CSVRecord v) throws IOException {
    String id = v.get("id");
    assertThat(MEASURES).as("every vector has a computation").containsKey(id);
    double ours = MEASURES.get(id).apply(read(v.get("inputs_file")));

    // 1. the full-precision recomputation (first number of "estimate / se")
    String recomputed = v.get("recomputed_here").split("/")[0].strip();
    assertThat(ours).as(id + " vs recomputed_here")
        .isCloseTo(Double.parseDouble(recomputed), within(halfUlpOfPrinted(recomputed) * 1.0001));

    // 2. the package's printed value, with the tolerance the README gives for it
    double expected = Double.parseDouble(v.get("expected_estimate"));
    double tolerance = switch (id) {
      case "test_ti", "test_idisw", "test_idisu" -> 1e-4 * Math.abs(expected);
      case "test_mld" -> 1e-3 * Math.abs(expected);
      case "test_bgv" -> 1e-6 * Math.abs(expected);
      default -> halfUlpOfPrinted(v.get("expected_estimate")) * 1.0001;
    };
    assertThat(ours).as(id + " vs printed " + expected).isCloseTo(expected, within(tolerance));
  }

  @Test
  void differenceStandardErrorMatchesHealthequalD() throws IOException {
    // who_d: SE = sqrt(se_ref² + se_min²) = 7.217723717, the denominator of our z.
    Inputs in = read("disparity_inputs_who_nonordered_sample.csv");
    int min = argMin(in.est, in.reference);
    assertThat(in.names.get(min)).isEqualTo("papua");
    DifferenceTest t = DifferenceTest.ofStandardErrors(
        in.est[in.reference], in.se[in.reference], in.est[min], in.se[min], 1.96).orElseThrow();
    assertThat(t.difference()).isCloseTo(30.922576904, within(5e-10));
    assertThat(t.standardError()).isCloseTo(7.217723717, within(5e-10));
    assertThat(t.significant()).isTrue();
  }

  @Test
  void measuresAreUndefinedRatherThanInfinite() {
    assertThat(DisparityMeasures.rateRatio(3, 0)).isEmpty();
    assertThat(DisparityMeasures.indexOfDisparity(new double[] {1, 2}, null, 0)).isEmpty();
    assertThat(DisparityMeasures.meanLogDeviation(new double[] {0, 2}, null)).isEmpty();
    assertThat(DisparityMeasures.theil(new double[] {0, 2}, null).getAsDouble())
        .isCloseTo(0.5 * 2 * Math.log(2), within(1e-15));
    assertThat(DisparityMeasures.theil(new double[] {-1, 2}, null)).isEmpty();
    assertThat(DisparityMeasures.betweenGroupVariance(new double[0], null)).isEmpty();
    assertThat(DisparityMeasures.betweenGroupVariance(new double[] {4, 4, 4}, null).getAsDouble()).isZero();
  }
}
