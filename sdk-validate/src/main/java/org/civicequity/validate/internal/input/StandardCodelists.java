package org.civicequity.validate.internal.input;

import java.util.List;
import java.util.Map;
import org.civicequity.core.Codelist;
import org.civicequity.core.Codelists;

/** The codelists of the standard, as the SDK loads them once from the schema jar. */
public final class StandardCodelists {
  /** The codelist ids of the standard (docs/architecture.md). */
  public static final List<String> IDS = List.of("race-ethnicity", "sex", "age-band",
      "income-band", "disability", "nativity", "geo-level", "unit", "domain", "polarity",
      "status", "suppression-reason");

  private StandardCodelists() {
  }

  /**
   * Every codelist by id.
   *
   * @return the codelists ({@link Codelists#standard()})
   */
  public static Map<String, Codelist> all() {
    return Codelists.standard().asMap();
  }
}
