package org.civicequity.validate;

import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;

/**
 * What rules see of the feed during one run: the {@link FeedContext} plus indexes built once, so
 * that look-ups on the hot path cost a hash probe. Thread-safe and immutable.
 */
public interface ValidationContext {

  /**
   * The feed as given.
   *
   * @return the feed context
   */
  FeedContext feed();

  /**
   * An indicator definition by id.
   *
   * @param id the indicator id
   * @return the definition, or null when the feed defines no such indicator
   */
  Indicator indicator(String id);

  /**
   * The definition of an observation's indicator (cached for the row being validated, so rules
   * may call it freely).
   *
   * @param observation the observation
   * @return the definition, or null when the feed defines no such indicator
   */
  Indicator indicatorOf(Observation observation);

  /**
   * The position of an indicator in {@link FeedContext#indicators()}, for rules that keep one
   * flag per indicator.
   *
   * @param id the indicator id
   * @return the index, or -1 when unknown
   */
  int indicatorIndex(String id);

  /**
   * The unit of an observation's indicator, from the {@code unit} codelist.
   *
   * @param observation the observation
   * @return the unit code with its {@code minimum}, {@code maximum} and {@code scale} attributes,
   *         or null when the indicator or its unit is unknown
   */
  Code unitOf(Observation observation);

  /**
   * A codelist of the standard.
   *
   * @param id the codelist id, e.g. {@code race-ethnicity}
   * @return the codelist, or null when the context has none with that id
   */
  Codelist codelist(String id);

  /**
   * A custom geography of {@code geographies.csv}.
   *
   * @param geoId the custom id
   * @return the geography, or null when not defined
   */
  Geography customGeography(String geoId);
}
