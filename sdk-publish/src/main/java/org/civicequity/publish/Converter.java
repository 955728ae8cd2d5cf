package org.civicequity.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.civicequity.publish.internal.ConversionEngine;

/** Converts a local table (CSV or Excel) into Civic Equity observations with a {@link Mapping}. */
public final class Converter {
  private Converter() {
  }

  /**
   * Converts a table. Problems in the data (unknown codes, cells that are not numbers, names
   * missing from a crosswalk) are returned in the result, located in the input file; only an
   * input that cannot be read at all throws.
   *
   * @param input   the CSV or .xlsx file
   * @param mapping the mapping
   * @return the conversion
   * @throws IOException if the input (or a crosswalk the mapping names) cannot be read; the
   *     message names the file and, where known, the line
   */
  public static Conversion convert(Path input, Mapping mapping) throws IOException {
    return convert(input, mapping, 0);
  }

  /** Converts on at most the given number of threads (0: one per processor); tests compare 1 with more. */
  static Conversion convert(Path input, Mapping mapping, int threads) throws IOException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(mapping, "mapping");
    Path name = input.getFileName();
    return new ConversionEngine(mapping.spec(), input, name == null ? input.toString() : name.toString(), threads)
        .run();
  }

  /**
   * Converts several tables with the same mapping (e.g. a source's files for different years or
   * topics) into one conversion. Each observation keeps the location of its own file.
   *
   * @param inputs  the files, at least one
   * @param mapping the mapping
   * @return the combined conversion
   * @throws IOException if an input cannot be read at all
   */
  public static Conversion convert(java.util.List<Path> inputs, Mapping mapping) throws IOException {
    java.util.List<Conversion> parts = new java.util.ArrayList<>();
    for (Path p : inputs) {
      parts.add(convert(p, mapping));
    }
    return Conversion.combine(parts);
  }
}
