package org.civicequity.core;

import java.util.Objects;

/**
 * An indicator definition (standard §3.2): what is measured, in which unit, and which direction
 * is better. Two feeds' indicators are comparable when both name the same core-catalogue
 * indicator in {@code equivalentTo}.
 *
 * @param id              slug, unique in the feed
 * @param name            a short human name
 * @param description     what the indicator measures
 * @param domain          domain code (codelist {@code domain})
 * @param unit            unit code (codelist {@code unit})
 * @param polarity        {@code higher-is-better}, {@code lower-is-better} or {@code neutral}
 * @param numerator       what is counted in the numerator, or null
 * @param denominator     what is counted in the denominator, or null
 * @param universe        the population the indicator covers, or null
 * @param source          where the data usually comes from, or null
 * @param methodology     how the value is computed, or null
 * @param confidenceLevel the confidence level of margins of error, in (0, 1); null means 0.90
 * @param equivalentTo    the id of a core-catalogue indicator this one is equivalent to, or null
 * @param location        where the definition was read; never null
 */
public record Indicator(
    String id,
    String name,
    String description,
    String domain,
    String unit,
    String polarity,
    String numerator,
    String denominator,
    String universe,
    IndicatorSource source,
    String methodology,
    Double confidenceLevel,
    String equivalentTo,
    SourceLocation location) {

  /** The confidence level the standard assumes when none is given (ACS margins of error). */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.90;

  /** Checks that the location is present. */
  public Indicator {
    Objects.requireNonNull(location, "location");
  }

  /**
   * The confidence level with the standard's default applied.
   *
   * @return {@link #confidenceLevel()} or 0.90
   */
  public double effectiveConfidenceLevel() {
    return confidenceLevel == null ? DEFAULT_CONFIDENCE_LEVEL : confidenceLevel;
  }

  /**
   * The catalogue indicator this one is comparable with: {@link #equivalentTo()} when given,
   * otherwise the indicator's own id (a feed may use catalogue ids directly).
   *
   * @return the id used to align indicators across feeds
   */
  public String comparableId() {
    return equivalentTo == null ? id : equivalentTo;
  }
}
