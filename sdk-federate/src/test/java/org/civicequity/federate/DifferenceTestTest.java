package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.civicequity.core.ConfidenceLevels;
import org.junit.jupiter.api.Test;

/** The Census difference test against the computed vectors of {@code acs_moe_computed.csv}. */
class DifferenceTestTest {

  @Test
  void indianaBachelorsExample() {
    // ztest_indiana_bachelors_25_34: female 28.1±1.0 vs male 23.4±1.0, 90% MOEs.
    DifferenceTest t = DifferenceTest.ofMargins(28.1, 1.0, 23.4, 1.0, 0.90).orElseThrow();
    assertThat(t.z()).isCloseTo(5.4669960787437955, within(1e-12));
    assertThat(t.criticalValue()).isEqualTo(1.645);
    assertThat(t.significant()).isTrue();
    assertThat(Math.abs(t.z())).isGreaterThan(2.576);
  }

  @Test
  void docstocExampleIsNotSignificant() {
    // ztest_docstoc: 62939±7457 vs 63365±1739, |Z| = 0.09151914660011289.
    DifferenceTest t = DifferenceTest.ofMargins(62939, 7457, 63365, 1739, 0.90).orElseThrow();
    assertThat(t.z()).isCloseTo(-0.09151914660011289, within(1e-14));
    assertThat(t.significant()).isFalse();
  }

  @Test
  void standardErrorOfTheHandbookSum() {
    // se_cv_nmf_sum: SE = 5070 / 1.645 = 3082.066869300912
    DifferenceTest t = DifferenceTest.ofMargins(203119, 5070, 0, 0, 0.90).orElseThrow();
    assertThat(t.standardError()).isCloseTo(3082.066869300912, within(1e-9));
  }

  @Test
  void criticalValuesOfPublishedLevelsAndOthers() {
    assertThat(DifferenceTest.criticalValue(0.90)).isEqualTo(1.645);
    assertThat(DifferenceTest.criticalValue(0.95)).isEqualTo(1.960);
    assertThat(DifferenceTest.criticalValue(0.99)).isEqualTo(2.576);
    // moe90_to_95 and moe90_to_99 use the same constants
    assertThat(5070 * DifferenceTest.criticalValue(0.95) / DifferenceTest.criticalValue(0.90))
        .isCloseTo(6040.851063829788, within(1e-9));
    assertThat(5070 * DifferenceTest.criticalValue(0.99) / DifferenceTest.criticalValue(0.90))
        .isCloseTo(7939.404255319148, within(1e-9));
    // other levels: exact normal quantiles (R qnorm)
    assertThat(DifferenceTest.criticalValue(0.80)).isCloseTo(1.2815515655446004, within(1e-14));
    assertThat(ConfidenceLevels.normalQuantile(0.95)).isCloseTo(1.6448536269514722, within(1e-15));
    assertThat(ConfidenceLevels.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-15));
    assertThat(ConfidenceLevels.normalQuantile(0.995)).isCloseTo(2.5758293035489004, within(1e-14));
    assertThat(ConfidenceLevels.normalQuantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
    assertThat(ConfidenceLevels.normalQuantile(0.5)).isZero();
  }

  @Test
  void untestableAndInvalidInput() {
    assertThat(DifferenceTest.ofMargins(1, 0, 2, 0, 0.9)).isEmpty();
    assertThatThrownBy(() -> DifferenceTest.ofMargins(1, -1, 2, 0, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
    assertThatThrownBy(() -> DifferenceTest.criticalValue(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1)");
  }

  /** With both margins at one level, significance does not depend on the level's constant. */
  @Property(tries = 500)
  void significanceIsTheMarginComparison(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x1,
      @ForAll @DoubleRange(min = 0.01, max = 1e5) double m1,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double x2,
      @ForAll @DoubleRange(min = 0, max = 1e5) double m2) {
    DifferenceTest t = DifferenceTest.ofMargins(x1, m1, x2, m2, 0.90).orElseThrow();
    double byHand = (x1 - x2) / Math.sqrt(Math.pow(m1 / 1.645, 2) + Math.pow(m2 / 1.645, 2));
    assertThat(t.z()).isCloseTo(byHand, within(1e-9 * Math.max(1, Math.abs(byHand))));
    double gap = Math.abs(x1 - x2) - Math.hypot(m1, m2);
    if (Math.abs(gap) > 1e-6 * Math.hypot(m1, m2)) {
      assertThat(t.significant()).isEqualTo(gap > 0);
    }
  }
}
