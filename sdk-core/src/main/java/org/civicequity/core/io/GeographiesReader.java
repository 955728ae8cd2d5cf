package org.civicequity.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Geography;
import org.civicequity.core.io.internal.CsvRowSource;
import org.civicequity.core.io.internal.Problems;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code geographies.csv}: one custom area per row, columns {@code geoId},
 * {@code geoName}, {@code parentGeoId}, {@code tracts} (11-digit tract GEOIDs separated by
 * spaces). The CSV syntax rules and problems are those of {@link ObservationReader}. A row
 * without a {@code geoId} is not kept as a {@link Geography}.
 *
 * <p>For validation, {@link ReadResult#tree()} is a JSON array with one object per well-formed
 * data row (every column with a non-empty cell, as text, unknown columns included), which
 * {@code geography.schema.json} checks element by element; {@link ReadResult#locate(String)} of
 * {@code /3} gives that row's physical line.
 */
public final class GeographiesReader {
  private GeographiesReader() {
  }

  /**
   * Reads a geographies file.
   *
   * @param file the path
   * @return the result, named by the file's name
   * @throws IOException if the file cannot be opened
   */
  public static ReadResult<List<Geography>> read(Path file) throws IOException {
    return read(Files.newInputStream(file), String.valueOf(file.getFileName()),
        ReadOptions.defaults());
  }

  /**
   * Reads a geographies file.
   *
   * @param in       the bytes; closed here
   * @param fileName the name used in locations
   * @param options  limits
   * @return the result with the areas that have a geoId, in file order
   */
  public static ReadResult<List<Geography>> read(InputStream in, String fileName,
      ReadOptions options) {
    Problems problems = new Problems(options.maxProblemsKept(), options.onProblem());
    List<Geography> out = new ArrayList<>();
    ArrayNode tree = JsonNodeFactory.instance.arrayNode();
    Map<String, Long> lines = new HashMap<>();
    try (CsvRowSource<Geography> rows = new CsvRowSource<>(in, fileName, options, problems,
        (names, p) -> {
          List<String> cols = Arrays.asList(names);
          int id = cols.indexOf("geoId");
          int name = cols.indexOf("geoName");
          int parent = cols.indexOf("parentGeoId");
          int tracts = cols.indexOf("tracts");
          return (cells, loc) -> {
            ObjectNode row = tree.addObject();
            for (int i = 0; i < names.length; i++) {
              if (names[i] != null && cells[i] != null && !cells[i].isEmpty()) {
                row.put(names[i], cells[i]);
              }
            }
            lines.put("/" + (tree.size() - 1), loc.line());
            String geoId = cell(cells, id);
            if (geoId == null) {
              return null;
            }
            String t = cell(cells, tracts);
            List<String> list = t == null ? List.of() : Arrays.stream(t.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
            return new Geography(geoId, cell(cells, name), cell(cells, parent), list, loc);
          };
        })) {
      Geography g;
      while ((g = rows.next()) != null) {
        out.add(g);
      }
    }
    lines.put("", 1L);
    return new ReadResult<>(fileName, out, problems.kept(), tree, lines);
  }

  private static String cell(String[] cells, int i) {
    if (i < 0 || i >= cells.length || cells[i] == null || cells[i].isEmpty()) {
      return null;
    }
    return cells[i];
  }
}
