package org.civicequity.core;

import java.util.Objects;

/**
 * Where a value came from: a file, its data row (counted from 1, header excluded), the physical
 * line (counted from 1, so a quoted field spanning lines is found where it starts), a column name
 * for tables and an RFC 6901 JSON pointer for JSON documents.
 *
 * @param file    the file name as the user knows it (relative to the feed when inside one); never null
 * @param row     the data row, from 1; 0 when not applicable (a manifest, a whole file)
 * @param line    the physical line, from 1; 0 when unknown
 * @param column  the column (field) name, or null
 * @param pointer the JSON pointer, or null for tabular input
 */
public record SourceLocation(String file, long row, long line, String column, String pointer) {

  /** Checks the arguments. */
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (row < 0 || line < 0) {
      throw new IllegalArgumentException("row and line must be >= 0, got row=" + row + " line=" + line);
    }
  }

  /**
   * The location of a whole file.
   *
   * @param file the file name
   * @return a location with no row, line, column or pointer
   */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0, null, null);
  }

  /**
   * The location of one data row of a table or NDJSON file.
   *
   * @param file the file name
   * @param row  the data row, from 1
   * @param line the physical line, from 1
   * @return a location with no column
   */
  public static SourceLocation ofRow(String file, long row, long line) {
    return new SourceLocation(file, row, line, null, null);
  }

  /**
   * The same location narrowed to one field. For JSON input (a pointer is set) the field is also
   * appended to the pointer.
   *
   * @param name the field (column) name
   * @return a new location
   */
  public SourceLocation field(String name) {
    String p = pointer == null ? null : pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    return new SourceLocation(file, row, line, name, p);
  }

  /**
   * The same location with a JSON pointer.
   *
   * @param jsonPointer an RFC 6901 pointer
   * @return a new location
   */
  public SourceLocation withPointer(String jsonPointer) {
    return new SourceLocation(file, row, line, column, jsonPointer);
  }

  /** A short human form such as {@code observations.csv:13 (row 12, geoId)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (row > 0 || column != null || pointer != null) {
      sb.append(" (");
      String sep = "";
      if (row > 0) {
        sb.append("row ").append(row);
        sep = ", ";
      }
      if (pointer != null && !pointer.isEmpty()) {
        sb.append(sep).append(pointer);
      } else if (column != null) {
        sb.append(sep).append(column);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
