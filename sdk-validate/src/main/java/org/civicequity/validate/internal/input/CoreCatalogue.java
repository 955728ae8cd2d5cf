package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.civicequity.core.Indicator;
import tools.jackson.databind.json.JsonMapper;

/** The core indicator catalogue of the standard, read once from the schema jar. */
public final class CoreCatalogue {
  /** The classpath resource of the catalogue. */
  public static final String RESOURCE = "org/civicequity/schema/catalogue/indicators.json";
  private static final List<Indicator> INDICATORS = load();

  private CoreCatalogue() {
  }

  /**
   * The core indicators.
   *
   * @return the definitions (empty when the schema jar ships no catalogue)
   */
  public static List<Indicator> indicators() {
    return INDICATORS;
  }

  private static List<Indicator> load() {
    try (InputStream in = CoreCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return List.of();
      }
      return List.copyOf(IndicatorJson.read(JsonMapper.builder().build().readTree(in),
          "catalogue/indicators.json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
