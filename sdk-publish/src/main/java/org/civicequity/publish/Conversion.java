package org.civicequity.publish;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;

/**
 * The result of converting one table: indicator definitions (those the observations use),
 * observations (each with the location of its row and value column in the user's file), the
 * custom geographies used, the problems met, and the feed metadata of the mapping.
 *
 * @param input        the input file as the user named it
 * @param mapping      the mapping (file or {@code recipe:NAME}) used
 * @param indicators   indicator definitions, in declaration order
 * @param observations observations, in the order of the input
 * @param geographies  custom geographies used, by id
 * @param problems     problems, in the order met
 * @param feed         the mapping's {@code feed} metadata as a JSON text, or null
 * @param fieldColumns for each observation (same index), its fields' source columns in the
 *                     user's file, so that findings about a field can point at the right cell
 */
public record Conversion(String input, String mapping, List<Indicator> indicators, List<Observation> observations,
    List<Geography> geographies, List<ConversionProblem> problems, String feed,
    List<Map<String, String>> fieldColumns) {

  /** Copies the lists. */
  public Conversion {
    Objects.requireNonNull(input, "input");
    indicators = List.copyOf(indicators);
    observations = List.copyOf(observations);
    geographies = List.copyOf(geographies);
    problems = List.copyOf(problems);
    fieldColumns = List.copyOf(fieldColumns);
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
