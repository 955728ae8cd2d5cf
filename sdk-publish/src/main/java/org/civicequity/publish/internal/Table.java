package org.civicequity.publish.internal;

import java.io.IOException;
import java.util.List;

/**
 * A table read row by row (a CSV file or an Excel sheet), after its header. Data rows are
 * numbered from 1 in the order the user sees them; lines are physical lines of a CSV file or row
 * numbers of a sheet, so messages point where a user looks.
 */
public interface Table extends AutoCloseable {

  /**
   * One raw row.
   *
   * @param line  the physical line (CSV) or sheet row (XLSX), from 1
   * @param cells the cell texts, never null (absent cells are empty strings)
   */
  record RawRow(long line, List<String> cells) {
    /** Copies the cells (unless they are an array this record's {@link #of} wrapped). */
    public RawRow {
      cells = FrozenList.copyOf(cells);
    }

    /**
     * A row over an array of cells that nobody else keeps, wrapped rather than copied.
     *
     * @param line  the physical line
     * @param cells the cell texts, none null; the caller must not change the array afterwards
     * @return the row
     */
    public static RawRow of(long line, String[] cells) {
      return new RawRow(line, FrozenList.wrap(cells));
    }

    /**
     * Whether every cell is empty or blank.
     *
     * @return true when blank
     */
    public boolean blank() {
      for (int i = 0, n = cells.size(); i < n; i++) {
        if (!cells.get(i).isBlank()) {
          return false;
        }
      }
      return true;
    }

    /**
     * The first cell that is not blank.
     *
     * @return its text, or an empty string
     */
    public String firstNonBlank() {
      return cells.stream().filter(c -> !c.isBlank()).findFirst().orElse("").strip();
    }
  }

  /**
   * The next raw row, or null at the end.
   *
   * @return the row
   * @throws IOException if the file cannot be read; the message says where
   */
  RawRow next() throws IOException;

  /**
   * The name of the file (and sheet) for messages.
   *
   * @return the display name
   */
  String displayName();

  @Override
  void close() throws IOException;
}
