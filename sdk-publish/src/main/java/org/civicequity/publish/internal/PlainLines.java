package org.civicequity.publish.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads the plain lines at the start of a CSV file straight from bytes: lines of ASCII without a
 * double quote, ended by LF or CRLF (or the end of the file), in an encoding in which ASCII bytes
 * are ASCII characters. Such a line is one record whose cells lie between the delimiters, exactly
 * as commons-csv reads it ({@code CsvTableTest} compares the two); anything else (a quote, a lone
 * CR, a byte above ASCII) stops it, and {@link CsvTable} hands the rest of the file to commons-csv
 * from {@link #offset()}.
 *
 * <p>Cells that repeat in a column (codes, names, years, a GEOID on consecutive rows, and the
 * numbers of most tables: rates with one decimal, small counts) come back as the same
 * {@code String}: each column remembers {@value #SLOTS} recent texts by a hash of their bytes and
 * gives one back when the bytes match, so a converted table does not make a million copies of the
 * same few hundred words. (With 32 texts a column of rates missed nearly always: a million rows
 * made 150 MB of strings, which pushed a garbage collection of all the converted rows into every
 * publish of the benchmark.) A column whose cells hardly repeat stops looking after a few thousand
 * rows.
 */
final class PlainLines implements AutoCloseable {
  private static final Set<Charset> ASCII_COMPATIBLE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
      StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
  /** Texts remembered per column (a table of 6 KiB per column). */
  private static final int SLOTS = 512;
  /** Cells of a column looked up before deciding whether the column repeats. */
  private static final int TRIAL = 4096;

  private final InputStream in;
  private final byte delimiter;
  private byte[] buf = new byte[1 << 20];
  private int pos;
  private int limit;
  /** The file offset of {@code buf[0]}. */
  private long base;
  private boolean eof;
  private int[] bounds = new int[64];
  private Column[] columns = new Column[0];

  /** The texts a column gave recently, by a hash of their bytes. */
  private static final class Column {
    final String[] texts = new String[SLOTS];
    final int[] hashes = new int[SLOTS];
    boolean enabled = true;
    int tries;
    int hits;
  }

  private PlainLines(InputStream in, byte delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /**
   * Whether plain lines can be read from bytes with this delimiter and encoding.
   *
   * @param delimiter the delimiter
   * @param charset   the encoding
   * @return true for an ASCII delimiter other than a quote or line break, in UTF-8, US-ASCII,
   *     ISO-8859-1 or windows-1252
   */
  static boolean applies(char delimiter, Charset charset) {
    return delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n'
        && ASCII_COMPATIBLE.contains(charset);
  }

  /**
   * Opens a file; a UTF-8 byte order mark is skipped.
   *
   * @param file      the file
   * @param delimiter the delimiter ({@link #applies})
   * @return the reader, or null when the file starts with a UTF-16 byte order mark
   * @throws IOException if the file cannot be read
   */
  static PlainLines open(Path file, char delimiter) throws IOException {
    InputStream in = Files.newInputStream(file);
    PlainLines p = new PlainLines(in, (byte) delimiter);
    try {
      p.fill();
      if (p.limit >= 2 && ((p.buf[0] == (byte) 0xFE && p.buf[1] == (byte) 0xFF)
          || (p.buf[0] == (byte) 0xFF && p.buf[1] == (byte) 0xFE))) {
        in.close();
        return null;
      }
      if (p.limit >= 3 && p.buf[0] == (byte) 0xEF && p.buf[1] == (byte) 0xBB && p.buf[2] == (byte) 0xBF) {
        p.pos = 3;
      }
      return p;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads more bytes after those not consumed yet, growing the buffer when a line fills it. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /**
   * The next line as a row, if it is plain.
   *
   * @param line its line number
   * @return the row, or null at the end of the file or at a line that is not plain (nothing is
   *     consumed then)
   * @throws IOException if reading fails
   */
  Table.RawRow next(long line) throws IOException {
    int scanned = pos;
    int end;
    while (true) {
      end = -1;
      for (int i = scanned; i < limit; i++) {
        if (buf[i] == '\n') {
          end = i;
          break;
        }
      }
      if (end >= 0 || eof) {
        break;
      }
      scanned = limit - pos;
      fill();
      scanned += pos;
    }
    if (end < 0) {
      if (pos == limit) {
        return null;
      }
      end = limit;
    }
    int stop = end;
    if (end < limit && stop > pos && buf[stop - 1] == '\r') {
      stop--;
    }
    byte[] b = buf;
    byte d = delimiter;
    int n = 0;
    bounds[n++] = pos;
    for (int i = pos; i < stop; i++) {
      byte c = b[i];
      if (c == d) {
        if (n + 1 >= bounds.length) {
          bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[n++] = i + 1;
      } else if (c < 0 || c == '"' || c == '\r') {
        return null;
      }
    }
    bounds[n] = stop + 1;
    String[] cells = new String[n];
    for (int k = 0; k < n; k++) {
      cells[k] = cell(k, bounds[k], bounds[k + 1] - 1);
    }
    pos = end < limit ? end + 1 : limit;
    return Table.RawRow.of(line, cells);
  }

  private String cell(int col, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return "";
    }
    if (col >= columns.length) {
      columns = Arrays.copyOf(columns, col + 1);
    }
    Column c = columns[col];
    if (c == null) {
      c = new Column();
      columns[col] = c;
    }
    if (!c.enabled) {
      return new String(buf, from, len, StandardCharsets.ISO_8859_1);
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + buf[i];
    }
    int slot = (h ^ (h >>> 7)) & (SLOTS - 1);
    String s = c.texts[slot];
    if (s != null && c.hashes[slot] == h && same(s, from, len)) {
      c.hits++;
    } else {
      s = new String(buf, from, len, StandardCharsets.ISO_8859_1);
      c.texts[slot] = s;
      c.hashes[slot] = h;
    }
    if (++c.tries == TRIAL && c.hits < TRIAL / 4) {
      c.enabled = false;
      Arrays.fill(c.texts, null);
    }
    return s;
  }

  private boolean same(String s, int from, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != buf[from + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The file offset of the first line not read yet.
   *
   * @return the offset in bytes
   */
  long offset() {
    return base + pos;
  }

  /**
   * Whether the whole file was read.
   *
   * @return true at the end of the file
   */
  boolean atEnd() {
    return eof && pos == limit;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
