package org.civicequity.validate.internal.input;

import java.util.List;
import org.civicequity.core.Catalogue;
import org.civicequity.core.Indicator;

/** The core indicator catalogue of the standard, as the SDK loads it from the schema jar. */
public final class CoreCatalogue {
  private CoreCatalogue() {
  }

  /**
   * The core indicators.
   *
   * @return the definitions ({@link Catalogue#core()})
   */
  public static List<Indicator> indicators() {
    return Catalogue.core().indicators();
  }
}
