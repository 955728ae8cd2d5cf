package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CensusMoe} against the published worked examples in {@code test-vectors/} (see its
 * README for the sources). Inputs and expected values are read from the vector files, not
 * copied into the test.
 */
class CensusMoeVectorsTest {
  private static final Pattern PAIR = Pattern.compile("(-?[0-9][0-9.]*)±([0-9][0-9.]*)");
  private static Map<String, Map<String, String>> published;
  private static Map<String, Map<String, String>> computed;

  @BeforeAll
  static void load() throws IOException {
    published = read("/test-vectors/acs_moe_published.csv");
    computed = read("/test-vectors/acs_moe_computed.csv");
  }

  private static Map<String, Map<String, String>> read(String resource) throws IOException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (Reader r = new InputStreamReader(CensusMoeVectorsTest.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        rows.put(rec.get("id"), rec.toMap());
      }
    }
    return rows;
  }

  private static List<Estimate> pairs(String text) {
    List<Estimate> out = new ArrayList<>();
    Matcher m = PAIR.matcher(text);
    while (m.find()) {
      out.add(Estimate.of(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
    }
    return out;
  }

  private static double named(String text, String name) {
    Matcher m = Pattern.compile("(?:^|[ ;(])" + Pattern.quote(name) + "=(-?[0-9.eE+-]+)").matcher(text);
    assertThat(m.find()).as("%s in %s", name, text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static double firstNumber(String text) {
    Matcher m = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?").matcher(text);
    assertThat(m.find()).as("a number in %s", text).isTrue();
    return Double.parseDouble(m.group());
  }

  private static List<Double> numbers(String text) {
    List<Double> out = new ArrayList<>();
    Matcher m = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?").matcher(text);
    while (m.find()) {
      out.add(Double.parseDouble(m.group()));
    }
    return out;
  }

  @Test
  void sumsOfTheHandbookAndRepositoryExamples() {
    for (String id : List.of("sum_nmf_tricounty", "sum_total_females15_tricounty", "sum_nmm_tricounty",
        "sum_under5", "sum_multiple_zeros")) {
      Map<String, String> row = published.get(id);
      Estimate s = CensusMoe.sum(pairs(row.get("inputs")));
      assertThat(s.value()).as(id).isEqualTo(Double.parseDouble(row.get("expected_estimate")));
      assertThat(s.moe()).as(id).isCloseTo(firstNumber(row.get("expected_full_precision")), within(1e-9));
      // the handbook prints some MOEs truncated (5556 for 5556.54), so "as printed" allows 1
      assertThat(s.moe()).as(id + " as printed")
          .isCloseTo(Double.parseDouble(row.get("expected_moe_or_value")), within(1.0));
    }
  }

  @Test
  void zeroEstimateRuleCountsOnlyTheLargestZeroMoeOnce() {
    Map<String, String> row = published.get("sum_multiple_zeros");
    List<Estimate> in = pairs(row.get("inputs"));
    double naive = Math.sqrt(in.stream().mapToDouble(e -> e.moe() * e.moe()).sum());
    assertThat(naive).isCloseTo(named(row.get("expected_full_precision").replace("(naive sqrt of all four = ", "(naive="),
        "naive"), within(1e-9));
    assertThat(CensusMoe.sum(in).moe()).isLessThan(naive);
  }

  @Test
  void proportionOfTheHandbook() {
    Map<String, String> row = published.get("prop_nmf_share");
    List<Estimate> in = pairs(row.get("inputs"));
    Estimate p = CensusMoe.proportion(in.get(0), in.get(1));
    String full = row.get("expected_full_precision");
    assertThat(p.value()).isCloseTo(named(full, "P"), within(1e-15));
    assertThat(p.moe()).isCloseTo(named(full, "MOE"), within(1e-15));
    assertThat(p.value()).isCloseTo(Double.parseDouble(row.get("expected_estimate")), within(0.0005));
    assertThat(p.moe()).isCloseTo(Double.parseDouble(row.get("expected_moe_or_value")), within(0.0005));
    assertThat(CensusMoe.proportionNeedsRatioFormula(in.get(0), in.get(1))).isFalse();
    Map<String, String> c = computed.get("prop_handbook_full");
    assertThat(p.moe()).isCloseTo(named(c.get("expected"), "MOE"), within(1e-15));
  }

  @Test
  void ratioOfTheHandbook() {
    Map<String, String> row = published.get("ratio_nmm_to_nmf");
    List<Estimate> in = pairs(row.get("inputs"));
    Estimate r = CensusMoe.ratio(in.get(0), in.get(1));
    String full = row.get("expected_full_precision");
    assertThat(r.value()).isCloseTo(named(full, "R"), within(1e-15));
    assertThat(r.moe()).isCloseTo(named(full, "MOE"), within(1e-15));
    assertThat(r.value()).isCloseTo(Double.parseDouble(row.get("expected_estimate")), within(0.0005));
    assertThat(r.moe()).isCloseTo(Double.parseDouble(row.get("expected_moe_or_value")), within(0.0005));
  }

  @Test
  void ratioIsNeverSmallerThanProportionOnTheSameInputs() {
    Map<String, String> c = computed.get("prop_vs_ratio_on_prop_inputs");
    List<Estimate> in = pairs(c.get("inputs"));
    Estimate r = CensusMoe.ratio(in.get(0), in.get(1));
    assertThat(r.moe()).isCloseTo(named(c.get("expected"), "MOE_ratio"), within(1e-15));
    assertThat(r.moe()).isGreaterThanOrEqualTo(CensusMoe.proportion(in.get(0), in.get(1)).moe());
  }

  @Test
  void productOfTheHandbook() {
    Map<String, String> row = published.get("product_oou_single_unit");
    List<Estimate> in = pairs(row.get("inputs"));
    Estimate p = CensusMoe.product(in.get(0), in.get(1));
    List<Double> full = numbers(row.get("expected_full_precision"));
    assertThat(p.value()).isCloseTo(full.get(0), within(1e-3));
    assertThat(p.moe()).isCloseTo(full.get(1), within(1e-6));
    assertThat(Math.round(p.value())).isEqualTo(Math.round(Double.parseDouble(row.get("expected_estimate"))));
    assertThat(Math.round(p.moe())).isEqualTo(Math.round(Double.parseDouble(row.get("expected_moe_or_value"))));
  }

  @Test
  void proportionWithANegativeRadicandFallsBackToTheRatioFormula() {
    Map<String, String> row = published.get("prop_fallback_negative_radicand");
    List<Estimate> in = pairs(row.get("inputs"));
    String full = row.get("expected_full_precision");
    assertThat(CensusMoe.proportionNeedsRatioFormula(in.get(0), in.get(1))).isTrue();
    Estimate p = CensusMoe.proportion(in.get(0), in.get(1));
    assertThat(p.value()).isCloseTo(named(full, "P"), within(1e-9));
    Matcher m = Pattern.compile("fallback ratio MOE=([0-9.]+)").matcher(full);
    assertThat(m.find()).isTrue();
    assertThat(p.moe()).isCloseTo(Double.parseDouble(m.group(1)), within(1e-12));
    assertThat(p.moe()).isEqualTo(CensusMoe.ratio(in.get(0), in.get(1)).moe());
  }

  @Test
  void proportionWithAnExactlyZeroRadicandKeepsTheProportionFormula() {
    // found by CensusMoePropertiesTest: 5 ± 50 of 25 ± 250 gives 50² − 0.2²·250² = 0 exactly, but
    // with p = 0.2 rounded to a double the radicand came out as −4.5e-13 and the ratio formula's
    // 2.83 replaced the right margin, 0
    Estimate x = Estimate.of(5, 50);
    Estimate y = Estimate.of(25, 250);
    assertThat(CensusMoe.proportionNeedsRatioFormula(x, y)).isFalse();
    assertThat(CensusMoe.proportion(x, y).moe()).isEqualTo(0.0);
    assertThat(CensusMoe.proportion(x, y).value()).isEqualTo(0.2);
    // just past zero either way
    assertThat(CensusMoe.proportionNeedsRatioFormula(Estimate.of(5, 49.999), y)).isTrue();
    assertThat(CensusMoe.proportion(Estimate.of(5, 50.001), y).moe()).isCloseTo(
        Math.sqrt(50.001 * 50.001 - 0.04 * 250 * 250) / 25, within(1e-9));
  }

  @Test
  void percentChange() {
    Map<String, String> row = published.get("pct_change_fairfax_nmf");
    List<Estimate> in = pairs(row.get("inputs"));
    Estimate pc = CensusMoe.percentChange(in.get(0), in.get(1));
    assertThat(pc.value()).isCloseTo(Double.parseDouble(row.get("expected_estimate")), within(1e-12));
    assertThat(pc.moe()).isCloseTo(Double.parseDouble(row.get("expected_moe_or_value")), within(1e-12));
  }

  @Test
  void standardErrorsAndTheirSum() {
    for (String id : List.of("se_from_moe_nm_males", "se_from_moe_nm_females")) {
      Map<String, String> row = published.get(id);
      double moe = named(row.get("inputs"), "MOE");
      assertThat(CensusMoe.standardError(moe, 0.90)).as(id)
          .isCloseTo(Double.parseDouble(row.get("expected_full_precision")), within(1e-9));
    }
    Map<String, String> row = published.get("se_of_sum_never_married");
    List<Double> n = numbers(row.get("inputs"));
    // A=39401560 (SE 60325); B=33385649 (SE 47368): a sum's SE, equivalently MOE/z of the sum.
    // The printed SEs (60325, 47368) give 76699.6 once squared and summed; the vector's full
    // precision comes from the unrounded SEs, i.e. from the MOEs of the two rows above.
    Estimate rounded = CensusMoe.sum(List.of(Estimate.of(n.get(0), n.get(1)), Estimate.of(n.get(2), n.get(3))));
    assertThat(rounded.value()).isEqualTo(Double.parseDouble(row.get("expected_estimate")));
    assertThat(rounded.moe()).isCloseTo(Double.parseDouble(row.get("expected_moe_or_value")), within(1.0));
    Estimate fromMoes = CensusMoe.sum(List.of(
        Estimate.of(n.get(0), named(published.get("se_from_moe_nm_males").get("inputs"), "MOE")),
        Estimate.of(n.get(2), named(published.get("se_from_moe_nm_females").get("inputs"), "MOE"))));
    assertThat(CensusMoe.standardError(fromMoes.moe(), 0.90))
        .isCloseTo(Double.parseDouble(row.get("expected_full_precision")), within(1e-6));

    Map<String, String> ci = published.get("ci90_sum_never_married");
    double est = named(ci.get("inputs"), "est");
    double se = named(ci.get("inputs"), "SE");
    assertThat(Math.round(est - CensusMoe.Z90 * se)).isEqualTo((long) firstNumber(ci.get("expected_estimate")));
    assertThat(Math.round(est + CensusMoe.Z90 * se)).isEqualTo((long) firstNumber(ci.get("expected_moe_or_value")));
  }

  @Test
  void coefficientOfVariationAndConfidenceConversions() {
    Map<String, String> cv = computed.get("se_cv_nmf_sum");
    Estimate e = Estimate.of(named(cv.get("inputs"), "est"), named(cv.get("inputs"), "MOE"));
    assertThat(CensusMoe.standardError(e.moe(), 0.90)).isCloseTo(named(cv.get("expected"), "SE"), within(1e-9));
    assertThat(100 * CensusMoe.coefficientOfVariation(e, 0.90)).isCloseTo(named(cv.get("expected"), "CV%"), within(1e-12));

    assertThat(CensusMoe.convertMoe(named(computed.get("moe90_to_95").get("inputs"), "MOE90"), 0.90, 0.95))
        .isCloseTo(Double.parseDouble(computed.get("moe90_to_95").get("expected")), within(1e-9));
    assertThat(CensusMoe.convertMoe(named(computed.get("moe90_to_99").get("inputs"), "MOE90"), 0.90, 0.99))
        .isCloseTo(Double.parseDouble(computed.get("moe90_to_99").get("expected")), within(1e-9));
    assertThat(CensusMoe.convertMoe(named(computed.get("moe95_to_90").get("inputs"), "MOE95"), 0.95, 0.90))
        .isCloseTo(Double.parseDouble(computed.get("moe95_to_90").get("expected")), within(1e-9));
    Map<String, String> pre = computed.get("pre2006_se");
    assertThat(named(pre.get("inputs"), "MOE") / CensusMoe.Z90_BEFORE_2006)
        .isCloseTo(Double.parseDouble(pre.get("expected")), within(1e-6));
  }

  @Test
  void differenceTests() {
    Map<String, String> indiana = computed.get("ztest_indiana_bachelors_25_34");
    List<Estimate> in = pairs(indiana.get("inputs"));
    double z = CensusMoe.zScore(in.get(0), in.get(1), 0.90);
    assertThat(z).isCloseTo(named(indiana.get("expected"), "Z"), within(1e-12));
    assertThat(CensusMoe.significantlyDifferent(in.get(0), in.get(1), 0.90)).isTrue();
    assertThat(Math.abs(z)).isGreaterThan(CensusMoe.Z99);

    for (String id : List.of("ztest_docstoc")) {
      Map<String, String> row = computed.get(id);
      List<Estimate> p = pairs(row.get("inputs"));
      double zz = CensusMoe.zScore(p.get(0), p.get(1), 0.90);
      assertThat(Math.abs(zz)).isCloseTo(named(row.get("expected"), "Z"), within(1e-12));
      assertThat(CensusMoe.significantlyDifferent(p.get(0), p.get(1), 0.90)).isFalse();
    }
    Map<String, String> sheet = published.get("ztest_spreadsheet_example");
    List<Estimate> p = pairs(sheet.get("inputs"));
    String exp = sheet.get("expected_moe_or_value");
    assertThat(CensusMoe.standardError(p.get(0).moe(), 0.90)).isCloseTo(named(exp, "SE1"), within(0.005));
    assertThat(CensusMoe.standardError(p.get(1).moe(), 0.90)).isCloseTo(named(exp, "SE2"), within(0.005));
    assertThat(CensusMoe.difference(p.get(0), p.get(1)).moe()).isCloseTo(named(exp, "MOE_diff"), within(0.01));
  }

  @Test
  void badInputsAreRejectedWithTheValueNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CensusMoe.sum(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Estimate.of(1, -2))
        .hasMessageContaining("-2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CensusMoe.ratio(Estimate.of(1, 1), Estimate.of(0, 3)))
        .hasMessageContaining("zero");
  }

  @Test
  void criticalValues() {
    assertThat(CensusMoe.criticalValue(0.90)).isEqualTo(1.645);
    assertThat(CensusMoe.criticalValue(0.95)).isEqualTo(1.960);
    assertThat(CensusMoe.criticalValue(0.99)).isEqualTo(2.576);
    assertThat(CensusMoe.criticalValue(0.80)).isCloseTo(1.2815515655446004, within(1e-12));
    assertThat(CensusMoe.criticalValue(0.999)).isCloseTo(3.2905267314919255, within(1e-12));
  }
}
