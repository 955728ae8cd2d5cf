package org.civicequity.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicequity.core.Numbers;
import org.civicequity.core.Observation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes observations as CSV, NDJSON or a JSON array, deterministically: UTF-8 without a byte
 * order mark, LF line ends, fields in the canonical order of {@link Observation#FIELDS}, numbers
 * in the shortest form that reads back to the same value ({@link Numbers#format(double)}).
 *
 * <p>CSV has a header with every standard column (absent values are empty cells) followed by
 * the extra columns named when the writer was created; NDJSON and JSON leave absent fields out
 * and write extra fields after the standard ones, sorted by name. Values kept in
 * {@link Observation#unparsed()} are written as their raw text (JSON strings), so a conversion
 * never silently drops what it could not read.
 *
 * <p>Not thread-safe.
 */
public final class ObservationWriter implements AutoCloseable {
  private static final JsonFactory JSON = JsonFactory.builder().rootValueSeparator((String) null)
      .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
      .build();

  private final ObservationFormat format;
  private final Writer out;
  private final List<String> columns;
  private final CSVPrinter csv;
  private final JsonGenerator json;
  private long rows;
  private boolean closed;

  private ObservationWriter(ObservationFormat format, OutputStream stream, List<String> extra)
      throws IOException {
    this.format = format;
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    LinkedHashSet<String> cols = new LinkedHashSet<>(Observation.FIELDS);
    for (String e : extra) {
      if (!cols.add(Objects.requireNonNull(e, "extra column"))) {
        throw new IllegalArgumentException("extra column '" + e + "' repeats a column");
      }
    }
    this.columns = List.copyOf(cols);
    if (format == ObservationFormat.CSV) {
      this.csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
      csv.printRecord(columns);
      this.json = null;
    } else {
      this.csv = null;
      this.json = JSON.createGenerator(ObjectWriteContext.empty(), out);
      if (format == ObservationFormat.JSON) {
        out.write('[');
      }
    }
  }

  /**
   * A CSV writer with the standard columns only.
   *
   * @param out where to write; closed when the writer is closed
   * @return a writer
   * @throws IOException if the header cannot be written
   */
  public static ObservationWriter csv(OutputStream out) throws IOException {
    return new ObservationWriter(ObservationFormat.CSV, out, List.of());
  }

  /**
   * A CSV writer with extra columns (e.g. {@code x-} extensions) after the standard ones.
   *
   * @param out          where to write; closed when the writer is closed
   * @param extraColumns the names of the extra columns, in order
   * @return a writer
   * @throws IOException              if the header cannot be written
   * @throws IllegalArgumentException if an extra column repeats a column
   */
  public static ObservationWriter csv(OutputStream out, List<String> extraColumns)
      throws IOException {
    return new ObservationWriter(ObservationFormat.CSV, out, extraColumns);
  }

  /**
   * An NDJSON writer: one object per line.
   *
   * @param out where to write; closed when the writer is closed
   * @return a writer
   * @throws IOException if the stream cannot be written
   */
  public static ObservationWriter ndjson(OutputStream out) throws IOException {
    return new ObservationWriter(ObservationFormat.NDJSON, out, List.of());
  }

  /**
   * A writer of the given format.
   *
   * @param out          where to write; closed when the writer is closed
   * @param format       the format
   * @param extraColumns extra CSV columns (ignored for JSON formats, which write every field)
   * @return a writer
   * @throws IOException if the stream cannot be written
   */
  public static ObservationWriter of(OutputStream out, ObservationFormat format,
      List<String> extraColumns) throws IOException {
    return new ObservationWriter(format, out, extraColumns);
  }

  /**
   * Creates (or replaces) a file, choosing the format from its extension.
   *
   * @param file a {@code .csv}, {@code .ndjson}/{@code .jsonl} or {@code .json} path
   * @return a writer
   * @throws IOException              if the file cannot be created
   * @throws IllegalArgumentException if the extension is none of those
   */
  public static ObservationWriter create(Path file) throws IOException {
    ObservationFormat format = ObservationFormat.fromFileName(file.toString()).orElseThrow(() ->
        new IllegalArgumentException("cannot tell the format of '" + file + "': expected a file "
            + "name ending in .csv, .ndjson, .jsonl or .json"));
    return new ObservationWriter(format, Files.newOutputStream(file), List.of());
  }

  /** @return the CSV columns in order (the standard ones, then the extra ones) */
  public List<String> columns() {
    return columns;
  }

  /** @return the number of observations written */
  public long rowsWritten() {
    return rows;
  }

  /**
   * Writes one observation. For CSV, extra fields not named as columns are not written.
   *
   * @param o the observation
   * @throws IOException           if the output cannot be written
   * @throws IllegalStateException if the writer is closed
   */
  public void write(Observation o) throws IOException {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    if (csv != null) {
      List<String> cells = new ArrayList<>(columns.size());
      for (String c : columns) {
        String v = cell(o, c);
        cells.add(v == null ? "" : v);
      }
      csv.printRecord(cells);
    } else {
      try {
        if (format == ObservationFormat.JSON) {
          out.write(rows == 0 ? "\n" : ",\n");
        }
        writeJson(o);
        if (format == ObservationFormat.NDJSON) {
          json.flush();
          out.write('\n');
        }
      } catch (JacksonException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
      }
    }
    rows++;
  }

  private void writeJson(Observation o) {
    json.writeStartObject();
    for (String f : Observation.FIELDS) {
      if (Observation.NUMERIC_FIELDS.contains(f)) {
        Double d = o.number(f);
        if (d != null) {
          json.writeName(f);
          json.writeNumber(Numbers.format(d));
          continue;
        }
      } else {
        String s = o.text(f);
        if (s != null) {
          json.writeStringProperty(f, s);
          continue;
        }
      }
      String raw = o.unparsed().get(f);
      if (raw != null) {
        json.writeStringProperty(f, raw);
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(o.extra()).entrySet()) {
      json.writeStringProperty(e.getKey(), e.getValue());
    }
    json.writeEndObject();
    json.flush();
  }

  private static String cell(Observation o, String column) {
    if (!Observation.FIELDS.contains(column)) {
      return o.extra().get(column);
    }
    String v = o.text(column);
    return v != null ? v : o.unparsed().get(column);
  }

  /**
   * Flushes buffered output to the stream.
   *
   * @throws IOException if the output cannot be written
   */
  public void flush() throws IOException {
    if (json != null) {
      try {
        json.flush();
      } catch (JacksonException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    out.flush();
  }

  /**
   * Finishes the file (the closing bracket of a JSON array) and closes the stream.
   *
   * @throws IOException if the output cannot be written
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (json != null) {
        json.flush();
        if (format == ObservationFormat.JSON) {
          out.write(rows == 0 ? "]\n" : "\n]\n");
        }
      } else {
        csv.flush();
      }
      out.flush();
    } catch (JacksonException e) {
      throw new IOException(e.getMessage(), e);
    } finally {
      out.close();
    }
  }
}
