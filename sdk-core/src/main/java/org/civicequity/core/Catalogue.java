package org.civicequity.core;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicequity.core.io.IndicatorsReader;
import org.civicequity.core.io.ReadProblem;
import org.civicequity.core.io.ReadResult;

/**
 * The core indicator catalogue of the standard ({@code schema/catalogue/indicators.json} in the
 * schema artifact): well-defined equity indicators that feeds use directly or name in
 * {@code equivalentTo}. Immutable and thread-safe.
 */
public final class Catalogue {
  /** The classpath resource of the catalogue. */
  public static final String RESOURCE = "org/civicequity/schema/catalogue/indicators.json";

  private final List<Indicator> indicators;
  private final Map<String, Indicator> byId;

  private Catalogue(List<Indicator> indicators) {
    this.indicators = List.copyOf(indicators);
    Map<String, Indicator> m = new LinkedHashMap<>();
    for (Indicator i : this.indicators) {
      if (i.id() != null) {
        m.putIfAbsent(i.id(), i);
      }
    }
    this.byId = Map.copyOf(m);
  }

  private static final class Core {
    static final Catalogue INSTANCE = load();
  }

  /**
   * The core catalogue, loaded once from the classpath.
   *
   * @return the catalogue
   * @throws IllegalStateException if the schema artifact is missing or its catalogue is broken
   */
  public static Catalogue core() {
    return Core.INSTANCE;
  }

  /**
   * A catalogue of given indicators (tests, other catalogues).
   *
   * @param indicators the indicators
   * @return the catalogue
   */
  public static Catalogue of(List<Indicator> indicators) {
    return new Catalogue(indicators);
  }

  private static Catalogue load() {
    InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the core catalogue " + RESOURCE + " is not on the "
          + "classpath: is the civic-equity-schema artifact missing?");
    }
    ReadResult<List<Indicator>> r = IndicatorsReader.read(in, "catalogue/indicators.json");
    if (!r.problems().isEmpty() || r.value().isEmpty()) {
      throw new IllegalStateException("the core catalogue cannot be read: "
          + r.problems().stream().map(ReadProblem::toString).toList());
    }
    return new Catalogue(r.value().get());
  }

  /** @return the indicators, in catalogue order */
  public List<Indicator> indicators() {
    return indicators;
  }

  /**
   * An indicator by id.
   *
   * @param id the indicator id, e.g. {@code poverty-rate}
   * @return the indicator, or empty
   */
  public Optional<Indicator> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  @Override
  public String toString() {
    return "Catalogue[" + indicators.size() + " indicators]";
  }
}
