package org.civicequity.core.io;

import static org.civicequity.core.io.internal.JsonFields.number;
import static org.civicequity.core.io.internal.JsonFields.objects;
import static org.civicequity.core.io.internal.JsonFields.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Indicator;
import org.civicequity.core.IndicatorSource;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.internal.LocatedJson;
import org.civicequity.core.io.internal.Problems;
import tools.jackson.databind.JsonNode;

/**
 * Reads an indicators file ({@code indicators.json}: {@code {"indicators": [ ... ]}}, the same
 * shape as the core catalogue). Each {@link Indicator} is located by its JSON pointer
 * ({@code /indicators/3}) and line. Members of the wrong type are left out (the JSON Schema
 * {@code indicators.schema.json} on {@link ReadResult#tree()} reports them); elements that are
 * not objects are skipped.
 */
public final class IndicatorsReader {
  private IndicatorsReader() {
  }

  /**
   * Reads an indicators file.
   *
   * @param file the path
   * @return the result, named by the file's name
   * @throws IOException if the file cannot be opened
   */
  public static ReadResult<List<Indicator>> read(Path file) throws IOException {
    return read(Files.newInputStream(file), String.valueOf(file.getFileName()));
  }

  /**
   * Reads an indicators file with the default limits.
   *
   * @param in       the bytes; closed here
   * @param fileName the name used in locations
   * @return the result
   */
  public static ReadResult<List<Indicator>> read(InputStream in, String fileName) {
    return read(in, fileName, ReadOptions.defaults());
  }

  /**
   * Reads an indicators file.
   *
   * @param in       the bytes; closed here
   * @param fileName the name used in locations
   * @param options  limits
   * @return the result; its value is empty when the file is not JSON, and an empty list when
   *         it has no {@code indicators} array
   */
  public static ReadResult<List<Indicator>> read(InputStream in, String fileName,
      ReadOptions options) {
    Problems problems = new Problems(options.maxProblemsKept(), options.onProblem());
    LocatedJson doc = LocatedJson.read(in, fileName, options, problems);
    JsonNode tree = doc.tree();
    List<Indicator> list = tree == null ? null : fromJson(tree, fileName, doc.lines());
    return new ReadResult<>(fileName, list, problems.kept(), tree, doc.lines());
  }

  /**
   * Builds the indicators of a parsed document, leniently.
   *
   * @param tree     the document
   * @param fileName the file name used in locations
   * @param lines    JSON pointer to line (may be empty)
   * @return the indicators, in document order
   */
  public static List<Indicator> fromJson(JsonNode tree, String fileName, Map<String, Long> lines) {
    List<Indicator> out = new ArrayList<>();
    for (Map.Entry<Integer, JsonNode> e : objects(tree, "indicators")) {
      String pointer = "/indicators/" + e.getKey();
      JsonNode n = e.getValue();
      JsonNode s = n.get("source");
      IndicatorSource source = s != null && s.isObject() ? new IndicatorSource(text(s, "name"),
          text(s, "table"), text(s, "vintage"), text(s, "url")) : null;
      out.add(new Indicator(text(n, "id"), text(n, "name"), text(n, "description"),
          text(n, "domain"), text(n, "unit"), text(n, "polarity"), text(n, "numerator"),
          text(n, "denominator"), text(n, "universe"), source, text(n, "methodology"),
          number(n, "confidenceLevel"), text(n, "equivalentTo"),
          new SourceLocation(fileName, 0, lines.getOrDefault(pointer, 0L), null, pointer)));
    }
    return out;
  }
}
