package org.civicequity.core.io.internal;

import java.io.InputStream;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.io.ReadOptions;

/**
 * Observations from a CSV file: one column per field of the standard (in any order), cells typed
 * as the standard says (an empty cell is an absent field, numbers per {@code Numbers.parse},
 * other text kept in {@code unparsed}), unknown columns kept in {@code extra}.
 */
public final class CsvObservationSource implements RowSource {
  private final CsvRowSource<Observation> rows;

  /**
   * Creates a reader.
   *
   * @param in       the bytes (closed by {@link #close()})
   * @param file     the file name used in locations
   * @param options  the limits
   * @param problems where problems go
   */
  public CsvObservationSource(InputStream in, String file, ReadOptions options,
      Problems problems) {
    this.rows = new CsvRowSource<>(in, file, options, problems, (names, p) -> (cells, loc) -> {
      Observation.Builder b = Observation.builder().location(loc);
      for (int i = 0; i < cells.length; i++) {
        String name = names[i];
        if (name != null) {
          b.set(name, cells[i]);
        }
      }
      return b.build();
    });
  }

  @Override
  public Observation next() {
    return rows.next();
  }

  @Override
  public long rowsRead() {
    return rows.rowsRead();
  }

  @Override
  public List<String> columns() {
    return rows.columns();
  }

  @Override
  public void close() {
    rows.close();
  }
}
