package org.civicequity.federate;

import java.util.OptionalDouble;

/**
 * Disparity measures over the groups of one population (DESIGN §10; the definitions are those of
 * WHO's healthequal package and NCI's HD*Calc, Ahn et al. 2018).
 *
 * <p>Notation: groups {@code j = 1..J} with values (rates) {@code r[j]} and population weights
 * {@code w[j]}; {@code p[j] = w[j] / Σw} is the population share. When no weights are given, every
 * group weighs the same ({@code p[j] = 1/J}), which is what "population-weighted where group
 * populations are given" means. {@code μ = Σ p[j]·r[j]} is the population-weighted mean.
 *
 * <p>Theil index and mean log deviation are returned on their natural scale; healthequal prints
 * them multiplied by 1000. A measure that is mathematically undefined for the input (a zero or
 * negative mean, the logarithm of a non-positive value, an empty set) is returned as an empty
 * {@link OptionalDouble} rather than as {@code NaN} or an infinity.
 */
public final class DisparityMeasures {
  private DisparityMeasures() {
  }

  /**
   * Rate ratio of a group against the reference group: {@code r / r_ref}.
   *
   * @param value     the group's value
   * @param reference the reference group's value
   * @return the ratio, or empty when the reference value is zero or a value is not finite
   */
  public static OptionalDouble rateRatio(double value, double reference) {
    if (!Double.isFinite(value) || !Double.isFinite(reference) || reference == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value / reference);
  }

  /**
   * Rate difference of a group against the reference group: {@code r − r_ref} (positive when the
   * group's value is higher than the reference group's). Note that healthequal's {@code d()}
   * reports the opposite sign ({@code y_ref − y}).
   *
   * @param value     the group's value
   * @param reference the reference group's value
   * @return the difference, or empty when a value is not finite
   */
  public static OptionalDouble rateDifference(double value, double reference) {
    if (!Double.isFinite(value) || !Double.isFinite(reference)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value - reference);
  }

  /**
   * The population-weighted mean {@code μ = Σ p[j]·r[j]}.
   *
   * @param values  the group values
   * @param weights the group populations, or null to weigh every group the same
   * @return the mean, or empty when there are no groups
   * @throws IllegalArgumentException if the arrays differ in length, or a value or weight is not
   *                                  finite, or a weight is negative, or all weights are zero
   */
  public static OptionalDouble populationWeightedMean(double[] values, double[] weights) {
    double[] p = shares(values, weights);
    if (p.length == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(mean(values, p));
  }

  /**
   * Index of Disparity against a reference value: {@code 100·Σ p[j]·|r[j] − r_ref| / r_ref}; with
   * equal weights this is {@code 100·[(1/J)·Σ|r[j] − r_ref|]/r_ref} (Pearcy and Keppel 2002), where
   * the reference group, when it is one of the groups, contributes a zero term and counts in J.
   * healthequal's {@code idisu}/{@code idisw} use the population-weighted mean as the reference.
   *
   * @param values    the group values
   * @param weights   the group populations, or null to weigh every group the same
   * @param reference the reference value (a reference group's value, or the mean)
   * @return the index in percent, or empty when there are no groups or the reference is zero
   * @throws IllegalArgumentException as {@link #populationWeightedMean(double[], double[])}
   */
  public static OptionalDouble indexOfDisparity(double[] values, double[] weights, double reference) {
    double[] p = shares(values, weights);
    if (p.length == 0 || !Double.isFinite(reference) || reference == 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (int j = 0; j < values.length; j++) {
      sum += p[j] * Math.abs(values[j] - reference);
    }
    return OptionalDouble.of(100 * sum / Math.abs(reference));
  }

  /**
   * Between-Group Variance {@code Σ p[j]·(r[j] − μ)²}, in the squared unit of the values.
   *
   * @param values  the group values
   * @param weights the group populations, or null to weigh every group the same
   * @return the variance, or empty when there are no groups
   * @throws IllegalArgumentException as {@link #populationWeightedMean(double[], double[])}
   */
  public static OptionalDouble betweenGroupVariance(double[] values, double[] weights) {
    double[] p = shares(values, weights);
    if (p.length == 0) {
      return OptionalDouble.empty();
    }
    double mu = mean(values, p);
    double sum = 0;
    for (int j = 0; j < values.length; j++) {
      double d = values[j] - mu;
      sum += p[j] * d * d;
    }
    return OptionalDouble.of(sum);
  }

  /**
   * Theil index {@code T = Σ p[j]·(r[j]/μ)·ln(r[j]/μ)}; a group with value 0 contributes 0 (the
   * limit of {@code x·ln x}).
   *
   * @param values  the group values
   * @param weights the group populations, or null to weigh every group the same
   * @return the index (not multiplied by 1000), or empty when there are no groups, the mean is not
   *         positive or a value is negative
   * @throws IllegalArgumentException as {@link #populationWeightedMean(double[], double[])}
   */
  public static OptionalDouble theil(double[] values, double[] weights) {
    double[] p = shares(values, weights);
    if (p.length == 0) {
      return OptionalDouble.empty();
    }
    double mu = mean(values, p);
    if (!(mu > 0)) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (int j = 0; j < values.length; j++) {
      if (values[j] < 0) {
        return OptionalDouble.empty();
      }
      if (values[j] > 0) {
        double r = values[j] / mu;
        sum += p[j] * r * Math.log(r);
      }
    }
    return OptionalDouble.of(sum);
  }

  /**
   * Mean Log Deviation {@code MLD = Σ p[j]·ln(μ/r[j])}.
   *
   * @param values  the group values
   * @param weights the group populations, or null to weigh every group the same
   * @return the deviation (not multiplied by 1000), or empty when there are no groups, the mean is
   *         not positive or a value is not positive
   * @throws IllegalArgumentException as {@link #populationWeightedMean(double[], double[])}
   */
  public static OptionalDouble meanLogDeviation(double[] values, double[] weights) {
    double[] p = shares(values, weights);
    if (p.length == 0) {
      return OptionalDouble.empty();
    }
    double mu = mean(values, p);
    if (!(mu > 0)) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (int j = 0; j < values.length; j++) {
      if (!(values[j] > 0)) {
        return OptionalDouble.empty();
      }
      sum += p[j] * Math.log(mu / values[j]);
    }
    return OptionalDouble.of(sum);
  }

  private static double mean(double[] values, double[] p) {
    double mu = 0;
    for (int j = 0; j < values.length; j++) {
      mu += p[j] * values[j];
    }
    return mu;
  }

  /** Population shares from weights, checking the arguments; equal shares without weights. */
  private static double[] shares(double[] values, double[] weights) {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
    int n = values.length;
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(values[j])) {
        throw new IllegalArgumentException("value " + j + " is not a finite number: " + values[j]);
      }
    }
    double[] p = new double[n];
    if (weights == null) {
      java.util.Arrays.fill(p, 1.0 / n);
      return p;
    }
    if (weights.length != n) {
      throw new IllegalArgumentException(
          "expected one weight per value (" + n + "), found " + weights.length);
    }
    double total = 0;
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(weights[j]) || weights[j] < 0) {
        throw new IllegalArgumentException(
            "weight " + j + " must be a finite number >= 0, found " + weights[j]);
      }
      total += weights[j];
    }
    if (n > 0 && total == 0) {
      throw new IllegalArgumentException("the weights must not all be zero");
    }
    for (int j = 0; j < n; j++) {
      p[j] = weights[j] / total;
    }
    return p;
  }
}
