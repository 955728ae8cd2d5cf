package org.civicequity.federate;

import java.util.Set;
import org.civicequity.core.Observation;

/**
 * What a comparison covers and how.
 *
 * @param indicators     the core-catalogue indicator ids to compare; empty means every indicator
 *                       the members share
 * @param referenceGroup the group every other group is compared with (e.g. {@code white-alone-nh});
 *                       null means the best group of each jurisdiction given the indicator's
 *                       polarity (highest for higher-is-better, lowest for lower-is-better, none
 *                       for neutral)
 * @param dimension      the disaggregation dimension whose codes are the groups, one of
 *                       {@link Observation#DIMENSIONS}; {@code raceEthnicity} by default
 */
public record CompareOptions(Set<String> indicators, String referenceGroup, String dimension) {

  /** The dimension compared when none is given. */
  public static final String DEFAULT_DIMENSION = "raceEthnicity";

  /** Checks and copies. */
  public CompareOptions {
    indicators = indicators == null ? Set.of() : Set.copyOf(indicators);
    if (referenceGroup != null && referenceGroup.isBlank()) {
      referenceGroup = null;
    }
    dimension = dimension == null ? DEFAULT_DIMENSION : dimension;
    if (!Observation.DIMENSIONS.contains(dimension)) {
      throw new IllegalArgumentException("unknown dimension '" + dimension + "', expected one of "
          + String.join(", ", Observation.DIMENSIONS));
    }
  }

  /**
   * Every shared indicator, best group as reference, groups by race and ethnicity.
   *
   * @return the default options
   */
  public static CompareOptions defaults() {
    return new CompareOptions(Set.of(), null, DEFAULT_DIMENSION);
  }

  /**
   * The same options comparing only some indicators.
   *
   * @param ids core-catalogue indicator ids; empty for all
   * @return new options
   */
  public CompareOptions withIndicators(Set<String> ids) {
    return new CompareOptions(ids, referenceGroup, dimension);
  }

  /**
   * The same options with a fixed reference group.
   *
   * @param group the group code, or null for the best group
   * @return new options
   */
  public CompareOptions withReferenceGroup(String group) {
    return new CompareOptions(indicators, group, dimension);
  }
}
