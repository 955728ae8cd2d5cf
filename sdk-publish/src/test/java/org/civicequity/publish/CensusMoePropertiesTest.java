package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Property tests: {@link CensusMoe} agrees with an independent computation of the Census
 * formulas in {@link BigDecimal} arithmetic (written from the handbook's text, not from the
 * implementation), and keeps the relations the handbook states.
 */
class CensusMoePropertiesTest {
  private static final MathContext MC = new MathContext(40);

  @Provide
  Arbitrary<Estimate> estimates() {
    Arbitrary<Double> value = Arbitraries.oneOf(
        Arbitraries.just(0.0),
        Arbitraries.doubles().between(0, 1_000_000).ofScale(0),
        Arbitraries.doubles().between(0, 100).ofScale(1));
    Arbitrary<Double> moe = Arbitraries.doubles().between(0, 50_000).ofScale(0);
    return Combinators.combine(value, moe).as(Estimate::of);
  }

  @Provide
  Arbitrary<List<Estimate>> estimateLists() {
    return estimates().list().ofMinSize(1).ofMaxSize(12);
  }

  private static BigDecimal bd(double d) {
    return new BigDecimal(d);
  }

  private static double sqrt(BigDecimal x) {
    return x.sqrt(MC).doubleValue();
  }

  /** Independent: the handbook's sum with its zero-estimate rule, by sorting. */
  private static double referenceSumMoe(List<Estimate> parts) {
    BigDecimal squares = BigDecimal.ZERO;
    List<Double> zeroMoes = new ArrayList<>();
    for (Estimate e : parts) {
      if (e.value() == 0) {
        zeroMoes.add(e.moe());
      } else {
        squares = squares.add(bd(e.moe()).pow(2));
      }
    }
    zeroMoes.sort(null);
    if (!zeroMoes.isEmpty()) {
      squares = squares.add(bd(zeroMoes.get(zeroMoes.size() - 1)).pow(2));
    }
    return sqrt(squares);
  }

  private static void assertClose(double actual, double expected) {
    double tol = 1e-9 * Math.max(1, Math.abs(expected));
    assertThat(actual).isBetween(expected - tol, expected + tol);
  }

  @Property
  void sumMatchesTheReference(@ForAll("estimateLists") List<Estimate> parts) {
    Estimate s = CensusMoe.sum(parts);
    BigDecimal total = BigDecimal.ZERO;
    for (Estimate e : parts) {
      total = total.add(bd(e.value()));
    }
    assertClose(s.value(), total.doubleValue());
    assertClose(s.moe(), referenceSumMoe(parts));
  }

  @Property
  void sumDoesNotDependOnOrder(@ForAll("estimateLists") List<Estimate> parts) {
    List<Estimate> reversed = new ArrayList<>(parts);
    java.util.Collections.reverse(reversed);
    assertClose(CensusMoe.sum(reversed).moe(), CensusMoe.sum(parts).moe());
  }

  @Property
  void anotherSmallerZeroEstimateDoesNotChangeTheMoe(@ForAll("estimateLists") List<Estimate> parts,
      @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
    double maxZero = parts.stream().filter(e -> e.value() == 0).mapToDouble(Estimate::moe).max().orElse(-1);
    Assume.that(maxZero >= 0);
    List<Estimate> more = new ArrayList<>(parts);
    more.add(Estimate.of(0, maxZero * fraction));
    assertThat(CensusMoe.sum(more).moe()).isEqualTo(CensusMoe.sum(parts).moe());
  }

  @Property
  void ratioMatchesTheReference(@ForAll("estimates") Estimate x, @ForAll("estimates") Estimate y) {
    Assume.that(y.value() != 0);
    Estimate r = CensusMoe.ratio(x, y);
    BigDecimal ratio = bd(x.value()).divide(bd(y.value()), MC);
    BigDecimal radicand = bd(x.moe()).pow(2).add(ratio.pow(2).multiply(bd(y.moe()).pow(2)));
    assertClose(r.value(), ratio.doubleValue());
    assertClose(r.moe(), sqrt(radicand) / Math.abs(y.value()));
  }

  @Property
  void proportionMatchesTheReferenceWithItsFallback(@ForAll("estimates") Estimate y,
      @ForAll @DoubleRange(min = 0, max = 1) double share, @ForAll("estimates") Estimate moeSource) {
    Assume.that(y.value() != 0);
    Estimate x = Estimate.of(Math.floor(y.value() * share), moeSource.moe());
    Estimate p = CensusMoe.proportion(x, y);
    BigDecimal prop = bd(x.value()).divide(bd(y.value()), MC);
    BigDecimal radicand = bd(x.moe()).pow(2).subtract(prop.pow(2).multiply(bd(y.moe()).pow(2)));
    if (radicand.signum() < 0) {
      radicand = bd(x.moe()).pow(2).add(prop.pow(2).multiply(bd(y.moe()).pow(2)));
      assertThat(CensusMoe.proportionNeedsRatioFormula(x, y)).isTrue();
    }
    assertClose(p.value(), prop.doubleValue());
    assertClose(p.moe(), sqrt(radicand) / Math.abs(y.value()));
    assertThat(p.moe()).isLessThanOrEqualTo(CensusMoe.ratio(x, y).moe() * (1 + 1e-12));
  }

  @Property
  void productMatchesTheReference(@ForAll("estimates") Estimate a, @ForAll("estimates") Estimate b) {
    Estimate p = CensusMoe.product(a, b);
    BigDecimal radicand = bd(a.value()).pow(2).multiply(bd(b.moe()).pow(2))
        .add(bd(b.value()).pow(2).multiply(bd(a.moe()).pow(2)));
    assertClose(p.value(), bd(a.value()).multiply(bd(b.value())).doubleValue());
    assertClose(p.moe(), sqrt(radicand));
  }

  @Property
  void scalingCommutesWithProportion(@ForAll("estimates") Estimate x, @ForAll("estimates") Estimate y) {
    Assume.that(y.value() != 0);
    Estimate percent = CensusMoe.scale(CensusMoe.proportion(x, y), 100);
    Estimate p = CensusMoe.proportion(x, y);
    assertClose(percent.value(), 100 * p.value());
    assertClose(percent.moe(), 100 * p.moe());
  }

  @Property
  void confidenceConversionRoundTrips(@ForAll @DoubleRange(min = 0, max = 1e6) double moe,
      @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(4) double level) {
    assertClose(CensusMoe.convertMoe(CensusMoe.convertMoe(moe, 0.90, level), level, 0.90), moe);
  }

  @Property
  void zScoreIsAntisymmetric(@ForAll("estimates") Estimate a, @ForAll("estimates") Estimate b) {
    Assume.that(a.moe() > 0 || b.moe() > 0);
    assertClose(CensusMoe.zScore(a, b, 0.90), -CensusMoe.zScore(b, a, 0.90));
    double se = Math.sqrt(Math.pow(a.moe() / 1.645, 2) + Math.pow(b.moe() / 1.645, 2));
    assertClose(CensusMoe.zScore(a, b, 0.90), (a.value() - b.value()) / se);
  }

  @Property(tries = 200)
  void normalQuantileInvertsTheStandardNormal(@ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double p) {
    double z = org.civicequity.core.ConfidenceLevels.normalQuantile(p);
    // independent: the standard normal CDF by numerical integration of its density (Simpson)
    int n = 20_000;
    double a = -10;
    double h = (z - a) / n;
    double s = density(a) + density(z);
    for (int i = 1; i < n; i++) {
      s += (i % 2 == 0 ? 2 : 4) * density(a + i * h);
    }
    assertThat(s * h / 3).isBetween(p - 1e-9, p + 1e-9);
  }

  private static double density(double x) {
    return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  }
}
