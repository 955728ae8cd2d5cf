package org.civicequity.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;

/**
 * Reads the records of a CSV file with a header row (RFC 4180 via commons-csv) and hands each
 * well-formed data record to a row mapper. Problems are reported with the physical line where
 * the record starts, its data row, and the column name:
 * ragged rows, oversized fields, invalid UTF-8, duplicate or empty column names, and syntax
 * errors such as an unterminated quote (which end the file, as no parser can resynchronise).
 *
 * @param <T> what a row becomes
 */
public final class CsvRowSource<T> implements AutoCloseable {

  /** Maps one data record to a value; may return null to skip the row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    /**
     * Maps a record.
     *
     * @param cells    the cells, one per header column (ignored columns hold null)
     * @param location the location of the row (file, data row, physical line)
     * @return the value, or null to skip the row
     */
    T map(String[] cells, SourceLocation location);
  }

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(false)
      .get();

  private final String file;
  private final int maxFieldChars;
  private final Problems problems;
  private final CsvInput input;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final RowMapper<T> mapper;
  private final List<String> columns = new ArrayList<>();
  /** The header name of each column, or null for a column that is ignored. */
  private String[] names = new String[0];
  private long row;
  private boolean done;

  /**
   * Opens a CSV stream and reads its header.
   *
   * @param in       the bytes (closed by {@link #close()})
   * @param file     the file name used in locations
   * @param options  limits
   * @param problems where problems go
   * @param header   called once with the header names to build the row mapper: receives the
   *                 names (null for ignored columns) and returns the mapper
   */
  public CsvRowSource(InputStream in, String file, ReadOptions options, Problems problems,
      BiFunction<String[], Problems, RowMapper<T>> header) {
    this.file = file;
    this.maxFieldChars = options.maxFieldChars();
    this.problems = problems;
    InputStream stream = in;
    String utf16 = null;
    try {
      Utf16.Peeked peeked = Utf16.peek(in);
      stream = peeked.stream();
      utf16 = peeked.utf16();
    } catch (IOException e) {
      report(ReadProblem.IO_ERROR, SourceLocation.ofFile(file), 0, "the file could not be read: "
          + message(e), null);
      done = true;
    }
    this.input = new CsvInput(stream, options.maxFieldChars());
    CSVParser p = null;
    Iterator<CSVRecord> it = null;
    if (utf16 != null) {
      report(ReadProblem.ENCODING, new SourceLocation(file, 0, 1, null, null), 1,
          Utf16.message(utf16), null);
      done = true;
    }
    try {
      p = CSVParser.builder().setReader(input).setFormat(FORMAT).get();
      it = p.iterator();
    } catch (IOException | UncheckedIOException e) {
      if (!done) {
        report(ReadProblem.IO_ERROR, SourceLocation.ofFile(file), 0, "the file could not be "
            + "read: " + message(e), null);
      }
      done = true;
    }
    this.parser = p;
    this.records = it;
    if (!done) {
      readHeader();
    }
    this.mapper = done ? null : header.apply(names.clone(), problems);
  }

  /** @return the header names as written in the file */
  public List<String> columns() {
    return List.copyOf(columns);
  }

  /** @return the number of data rows met so far */
  public long rowsRead() {
    return row;
  }

  private void readHeader() {
    CSVRecord header = fetch();
    if (header == null) {
      if (!done) {
        report(ReadProblem.HEADER_MISSING, SourceLocation.ofFile(file), 0,
            "expected a header row naming the columns, found an empty file", null);
      }
      done = true;
      return;
    }
    long end = parser.getCurrentLineNumber();
    drainEvents(end, SourceLocation.ofRow(file, 0, 1), true);
    names = new String[header.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      columns.add(name);
      if (name.isEmpty()) {
        report(ReadProblem.HEADER_INVALID, new SourceLocation(file, 0, 1, null, null), 0,
            "column " + (i + 1) + " of the header has no name; its cells are ignored", name);
      } else if (!seen.add(name)) {
        report(ReadProblem.HEADER_INVALID, new SourceLocation(file, 0, 1, name, null), 0,
            "the header names column '" + name + "' twice (columns " + (columns.indexOf(name) + 1)
                + " and " + (i + 1) + "); the second one is ignored", name);
      } else {
        names[i] = name;
      }
    }
  }

  /**
   * Reads the next row that maps to a value.
   *
   * @return the value, or null at the end
   */
  public T next() {
    while (!done) {
      long before = parser.getCurrentLineNumber();
      CSVRecord rec = fetch();
      if (rec == null) {
        done = true;
        // report events left (e.g. bad bytes at the very end)
        drainEvents(Long.MAX_VALUE, SourceLocation.ofRow(file, row, before + 1), false);
        return null;
      }
      long startLine = before + 1;
      long endLine = parser.getCurrentLineNumber();
      if (rec.size() == 1 && rec.get(0).isEmpty() && names.length != 1) {
        drainEvents(endLine, SourceLocation.ofRow(file, row, startLine), false);
        continue; // a blank line
      }
      row++;
      SourceLocation loc = SourceLocation.ofRow(file, row, startLine);
      boolean skip = drainEvents(endLine, loc, false);
      if (rec.size() != names.length) {
        report(ReadProblem.RAGGED_ROW, loc, 0, "expected " + names.length + " cells as in the "
            + "header, found " + rec.size() + "; the row is skipped", rowText(rec));
        continue;
      }
      if (skip) {
        continue;
      }
      String[] cells = new String[names.length];
      for (int i = 0; i < cells.length; i++) {
        if (names[i] != null) {
          cells[i] = rec.get(i);
        }
      }
      T value = mapper.map(cells, loc);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String rowText(CSVRecord rec) {
    return String.join(",", rec.toList());
  }

  /**
   * Reports the input events (bad bytes, oversized fields) of lines up to {@code endLine}.
   *
   * @return true when the row must be skipped
   */
  private boolean drainEvents(long endLine, SourceLocation loc, boolean header) {
    boolean skip = false;
    CsvInput.Event e;
    while ((e = input.peekEvent()) != null && e.line() <= endLine) {
      input.pollEvent();
      String column = header || e.fieldIndex() >= names.length ? null : names[e.fieldIndex()];
      SourceLocation at = new SourceLocation(file, loc.row(), e.line(), column, null);
      if (e.kind() == CsvInput.Kind.ENCODING) {
        report(ReadProblem.ENCODING, at, e.charColumn(), "expected UTF-8 text, found the invalid "
            + "byte sequence " + e.detail() + " (shown as \uFFFD)", null);
      } else {
        report(ReadProblem.FIELD_TOO_LARGE, at, e.charColumn(), "a field is longer than the "
            + "limit of " + maxFieldChars + " characters"
            + (header ? "" : "; the row is skipped"), null);
        skip = true;
      }
    }
    return skip;
  }

  private CSVRecord fetch() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      done = true;
      long line = parser.getCurrentLineNumber();
      if (input.endedInQuotes()) {
        String column = input.fieldIndex() < names.length ? names[input.fieldIndex()] : null;
        drainEvents(input.fieldStartLine() - 1, SourceLocation.ofRow(file, row, line), false);
        report(ReadProblem.CSV_SYNTAX, new SourceLocation(file, row + 1, input.fieldStartLine(),
            column, null), input.fieldStartColumn(), "unterminated quoted field: the quote opened "
            + "here is never closed, so the rest of the file cannot be read", null);
      } else if (e.getCause() instanceof IOException io && !(isCsvError(io))) {
        report(ReadProblem.IO_ERROR, SourceLocation.ofRow(file, row + 1, line), 0,
            "the file could not be read to the end: " + message(io), null);
      } else {
        report(ReadProblem.CSV_SYNTAX, SourceLocation.ofRow(file, row + 1, line), 0,
            "invalid CSV, reading stops here: " + message(e.getCause() == null ? e : e.getCause())
                + " (a quoted field must be followed by a comma or the end of the line)", null);
      }
      return null;
    }
  }

  private static boolean isCsvError(IOException e) {
    return e.getClass().getName().startsWith("org.apache.commons.csv")
        || String.valueOf(e.getMessage()).contains("encapsulated token");
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private void report(String code, SourceLocation loc, long charColumn, String message,
      String value) {
    problems.report(new ReadProblem(code, loc, charColumn, message, value));
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.close();
      } else {
        input.close();
      }
    } catch (IOException e) {
      // closing a stream we only read from: nothing useful to do
    }
  }
}
