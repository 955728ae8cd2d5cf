package org.civicequity.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.civicequity.core.Numbers;
import org.civicequity.core.Observation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
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
 * <p>Rows are encoded straight into a byte buffer that is written to the stream in large blocks
 * (no per-row flush). Cells and strings of plain printable ASCII, and numbers, are encoded
 * directly; any other text is quoted and escaped by commons-csv (CSV) and Jackson (JSON), so the
 * bytes are those of those libraries.
 *
 * <p>Not thread-safe.
 */
public final class ObservationWriter implements AutoCloseable {
  private static final JsonFactory JSON = JsonFactory.builder().rootValueSeparator((String) null).build();
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
  private static final int FIELD_COUNT = Observation.FIELDS.size();
  private static final int FLUSH_AT = 1 << 16;
  /** Per standard field: its JSON member name with quotes and colon, as bytes. */
  private static final byte[][] NAMES = new byte[FIELD_COUNT][];

  static {
    for (int i = 0; i < FIELD_COUNT; i++) {
      NAMES[i] = ("\"" + Observation.FIELDS.get(i) + "\":").getBytes(StandardCharsets.US_ASCII);
    }
    if (!Observation.FIELDS.equals(List.of("indicator", "geoLevel", "geoId", "geoName", "period", "raceEthnicity",
        "sex", "age", "income", "disability", "nativity", "value", "moe", "lower", "upper", "numerator",
        "denominator", "status", "note"))) {
      throw new IllegalStateException("ObservationWriter is out of date with Observation.FIELDS");
    }
  }

  private final ObservationFormat format;
  private final OutputStream out;
  private final List<String> columns;
  private final String[] extraColumns;
  private byte[] buf = new byte[FLUSH_AT + 4096];
  private int len;
  private long rows;
  private boolean closed;
  // for text that is not plain ASCII: commons-csv and Jackson encode it
  private final StringBuilder csvScratch = new StringBuilder();
  // the text of recently written non-integer numbers, by a hash of their bits (4096 slots)
  private final long[] numberBits = new long[1 << 12];
  private final byte[][] numberText = new byte[1 << 12][];
  private StringWriter jsonScratch;
  private JsonGenerator jsonStrings;
  // recently written texts, by identity (feeds share one String per code, period and GEOID): what
  // they need in CSV and JSON, and their bytes once a text is seen again, so that a repeated text
  // is copied without looking at its characters
  private final String[] texts = new String[TEXT_SLOTS];
  private final byte[] textKinds = new byte[TEXT_SLOTS];
  private final byte[][] textBytes = new byte[TEXT_SLOTS][];
  private static final int TEXT_SLOTS = 256;
  /** In place of a text's bytes: written once already. */
  private static final byte[] SEEN = new byte[0];
  /** A text kind: written as it is in a CSV cell (that is not the row's first). */
  private static final byte PLAIN_CSV = 1;
  /** A text kind: written as it is between the quotes of a JSON string. */
  private static final byte PLAIN_JSON = 2;

  private ObservationWriter(ObservationFormat format, OutputStream stream, List<String> extra)
      throws IOException {
    this.format = Objects.requireNonNull(format, "format");
    this.out = Objects.requireNonNull(stream, "stream");
    LinkedHashSet<String> cols = new LinkedHashSet<>(Observation.FIELDS);
    for (String e : extra) {
      if (!cols.add(Objects.requireNonNull(e, "extra column"))) {
        throw new IllegalArgumentException("extra column '" + e + "' repeats a column");
      }
    }
    this.columns = List.copyOf(cols);
    this.extraColumns = columns.subList(FIELD_COUNT, columns.size()).toArray(new String[0]);
    if (format == ObservationFormat.CSV) {
      for (int k = 0; k < columns.size(); k++) {
        csvCell(columns.get(k), k == 0);
      }
      put((byte) '\n');
    } else if (format == ObservationFormat.JSON) {
      put((byte) '[');
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
    if (format == ObservationFormat.CSV) {
      writeCsv(o);
    } else {
      if (format == ObservationFormat.JSON) {
        if (rows > 0) {
          put((byte) ',');
        }
        put((byte) '\n');
      }
      writeJson(o);
      if (format == ObservationFormat.NDJSON) {
        put((byte) '\n');
      }
    }
    rows++;
    if (len >= FLUSH_AT) {
      drain();
    }
  }

  private void writeCsv(Observation o) throws IOException {
    for (int k = 0; k < FIELD_COUNT; k++) {
      Double d = o.numberAt(k);
      if (d != null) {
        if (k > 0) {
          put((byte) ',');
        }
        putNumber(d);
        continue;
      }
      String v = o.textAt(k);
      if (v == null) {
        v = o.unparsed().isEmpty() ? null : o.unparsed().get(Observation.FIELDS.get(k));
      }
      csvCell(v == null ? "" : v, k == 0);
    }
    for (String c : extraColumns) {
      String v = o.extra().get(c);
      csvCell(v == null ? "" : v, false);
    }
    put((byte) '\n');
  }

  private void writeJson(Observation o) throws IOException {
    put((byte) '{');
    boolean first = true;
    for (int k = 0; k < FIELD_COUNT; k++) {
      Double d = o.numberAt(k);
      if (d != null) {
        first = name(k, first);
        putNumber(d);
        continue;
      }
      String v = o.textAt(k);
      if (v == null && !o.unparsed().isEmpty()) {
        v = o.unparsed().get(Observation.FIELDS.get(k));
      }
      if (v != null) {
        first = name(k, first);
        jsonString(v);
      }
    }
    if (!o.extra().isEmpty()) {
      for (Map.Entry<String, String> e : new TreeMap<>(o.extra()).entrySet()) {
        if (!first) {
          put((byte) ',');
        }
        first = false;
        jsonString(e.getKey());
        put((byte) ':');
        jsonString(e.getValue());
      }
    }
    put((byte) '}');
  }

  private boolean name(int k, boolean first) {
    if (!first) {
      put((byte) ',');
    }
    byte[] n = NAMES[k];
    ensure(n.length);
    System.arraycopy(n, 0, buf, len, n.length);
    len += n.length;
    return false;
  }

  /** A number as {@link Numbers#format(double)} writes it. */
  private void putNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      long v = (long) d;
      ensure(20);
      if (v < 0) {
        buf[len++] = '-';
        v = -v;
      }
      int start = len;
      do {
        buf[len++] = (byte) ('0' + (int) (v % 10));
        v /= 10;
      } while (v != 0);
      for (int i = start, j = len - 1; i < j; i++, j--) {
        byte t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
      }
    } else {
      // Double.toString is slow and feeds repeat their values: remember the text of recent ones
      long bits = Double.doubleToRawLongBits(d);
      int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 52);
      byte[] text = numberText[slot];
      if (text == null || numberBits[slot] != bits) {
        text = Double.toString(d).getBytes(StandardCharsets.US_ASCII);
        numberText[slot] = text;
        numberBits[slot] = bits;
      }
      ensure(text.length);
      System.arraycopy(text, 0, buf, len, text.length);
      len += text.length;
    }
  }

  /**
   * Writes a CSV cell (with the delimiter before it unless it is the first of its record).
   * Printable ASCII that commons-csv's minimal quoting leaves alone is copied; anything else is
   * printed by commons-csv.
   */
  private void csvCell(String v, boolean first) throws IOException {
    if (!v.isEmpty()) {
      int slot = text(v);
      if ((textKinds[slot] & PLAIN_CSV) != 0) {
        if (!first) {
          put((byte) ',');
        }
        putText(slot);
        return;
      }
    } else if (plainCsv(v, first)) {
      if (!first) {
        put((byte) ',');
      }
      putAscii(v);
      return;
    }
    csvScratch.setLength(0);
    CSV.print(v, csvScratch, first);
    putUtf8(csvScratch.toString());
  }

  private static boolean plainCsv(String v, boolean first) {
    int n = v.length();
    if (n == 0) {
      return !first;
    }
    if (v.charAt(0) <= '#' || v.charAt(n - 1) <= ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c < ' ' || c > '~' || c == '"' || c == ',' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Writes a JSON string: plain printable ASCII directly, anything else through Jackson. */
  private void jsonString(String v) throws IOException {
    int slot = v.isEmpty() ? -1 : text(v);
    if (slot < 0 || (textKinds[slot] & PLAIN_JSON) != 0) {
      put((byte) '"');
      if (slot >= 0) {
        putText(slot);
      }
      put((byte) '"');
      return;
    }
    if (jsonStrings == null) {
      jsonScratch = new StringWriter();
      jsonStrings = JSON.createGenerator(ObjectWriteContext.empty(), jsonScratch);
    }
    try {
      jsonScratch.getBuffer().setLength(0);
      jsonStrings.writeString(v);
      jsonStrings.flush();
    } catch (JacksonException e) {
      throw new IOException(e.getMessage(), e);
    }
    putUtf8(jsonScratch.toString());
  }

  /** The slot of a non-empty text in the table of recent texts (filled in when it is not there). */
  private int text(String v) {
    int h = v.hashCode();
    int slot = (h ^ (h >>> 16)) & (TEXT_SLOTS - 1);
    if (texts[slot] != v) {
      texts[slot] = v;
      textBytes[slot] = null;
      byte kind = 0;
      if (plainCsv(v, false)) {
        kind = PLAIN_CSV | PLAIN_JSON;
      } else {
        boolean plain = true;
        for (int i = 0, n = v.length(); i < n && plain; i++) {
          char c = v.charAt(i);
          plain = c >= ' ' && c <= '~' && c != '"' && c != '\\';
        }
        kind = plain ? PLAIN_JSON : 0;
      }
      textKinds[slot] = kind;
    }
    return slot;
  }

  /** Writes a plain text of the table: its characters the first time, its bytes when it repeats. */
  private void putText(int slot) {
    byte[] b = textBytes[slot];
    if (b == null) {
      String v = texts[slot];
      putAscii(v);
      // the next time this text is written, it is copied as bytes
      textBytes[slot] = SEEN;
      return;
    }
    if (b == SEEN) {
      b = texts[slot].getBytes(StandardCharsets.ISO_8859_1);
      textBytes[slot] = b;
    }
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void putAscii(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = buf;
    int at = len;
    for (int i = 0; i < n; i++) {
      b[at + i] = (byte) s.charAt(i);
    }
    len = at + n;
  }

  private void putUtf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private void drain() throws IOException {
    if (len > 0) {
      out.write(buf, 0, len);
      len = 0;
    }
  }

  /**
   * Flushes buffered output to the stream.
   *
   * @throws IOException if the output cannot be written
   */
  public void flush() throws IOException {
    drain();
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
      if (format == ObservationFormat.JSON) {
        if (rows > 0) {
          put((byte) '\n');
        }
        put((byte) ']');
        put((byte) '\n');
      }
      drain();
      out.flush();
    } finally {
      out.close();
    }
  }
}
