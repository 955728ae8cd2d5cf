package org.civicequity.publish;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.publish.internal.FrozenList;

/**
 * The result of converting one table: indicator definitions (those the observations use),
 * observations (each with the location of its row and value column in the user's file), the
 * custom geographies used, the problems met, and the feed metadata of the mapping.
 *
 * @param input        the input file as the user named it (several joined by ", ")
 * @param inputs       the input files' names, as observation locations name them
 * @param mapping      the mapping (file or {@code recipe:NAME}) used
 * @param indicators   indicator definitions, in declaration order
 * @param observations observations, in the order of the input
 * @param geographies  custom geographies used, by id
 * @param problems     problems, in the order met
 * @param feed         the mapping's {@code feed} metadata as a JSON text, or null
 * @param fieldColumns for each observation (same index), its fields' source columns in the
 *                     user's file, so that findings about a field can point at the right cell
 */
public record Conversion(String input, List<String> inputs, String mapping, List<Indicator> indicators, List<Observation> observations,
    List<Geography> geographies, List<ConversionProblem> problems, String feed,
    List<Map<String, String>> fieldColumns) {

  /** Copies the lists (a conversion's own, which nobody else holds, are kept as they are). */
  public Conversion {
    Objects.requireNonNull(input, "input");
    inputs = List.copyOf(inputs);
    indicators = List.copyOf(indicators);
    // a conversion's own lists are frozen already: a million rows are not copied again
    observations = FrozenList.copyOf(observations);
    geographies = List.copyOf(geographies);
    problems = List.copyOf(problems);
    fieldColumns = FrozenList.copyOf(fieldColumns);
  }

  /**
   * Several conversions as one (e.g. the yearly files of one source): observations and problems
   * in order, indicators and custom geographies without repetition.
   *
   * @param parts the conversions, at least one
   * @return the combined conversion
   */
  public static Conversion combine(List<Conversion> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to combine");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    java.util.Map<String, Indicator> ind = new java.util.LinkedHashMap<>();
    java.util.Map<String, Geography> geo = new java.util.TreeMap<>();
    List<Observation> obs = new java.util.ArrayList<>();
    List<ConversionProblem> problems = new java.util.ArrayList<>();
    List<Map<String, String>> cols = new java.util.ArrayList<>();
    List<String> names = new java.util.ArrayList<>();
    for (Conversion c : parts) {
      c.indicators().forEach(i -> ind.putIfAbsent(i.id(), i));
      c.geographies().forEach(g -> geo.putIfAbsent(g.geoId(), g));
      obs.addAll(c.observations());
      problems.addAll(c.problems());
      cols.addAll(c.fieldColumns());
      names.addAll(c.inputs());
    }
    Conversion first = parts.get(0);
    return new Conversion(String.join(", ", names), names, first.mapping(), new java.util.ArrayList<>(ind.values()),
        obs, new java.util.ArrayList<>(geo.values()), problems, first.feed(), cols);
  }

  /**
   * Whether an error was met.
   *
   * @return true when at least one problem is an error
   */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == ConversionProblem.Severity.ERROR);
  }
}
