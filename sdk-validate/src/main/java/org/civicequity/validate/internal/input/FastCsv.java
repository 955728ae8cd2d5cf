package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.SourceLocation;

/**
 * The fast path for CSV chunks: commons-csv over the chunk decoded at once. It handles clean
 * input only and gives up (returns false) on anything unusual (invalid UTF-8, a syntax error, a
 * ragged row, an over-long field): the caller then reads the chunk with the SDK's reader, which
 * reports the problem exactly. Thread-safe.
 */
final class FastCsv {
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private FastCsv() {
  }

  /**
   * Parses a clean chunk.
   *
   * @param c        the chunk (the first chunk starts with the header, which is skipped)
   * @param file     the file name for locations
   * @param names    the header's column names (all distinct and non-empty)
   * @param indexes  each column's field index ({@link FastObservations#index}), -1 for extra
   * @param maxField the longest field accepted on the fast path
   * @param out      where observations go (cleared first)
   * @return true when the whole chunk was parsed; false when the SDK's reader must read it
   */
  static boolean parse(Chunk c, String file, String[] names, int[] indexes, int maxField,
      List<Object> out) {
    out.clear();
    int flags = Utf8Scan.scan(c.data(), c.length());
    if ((flags & Utf8Scan.INVALID) != 0) {
      return false;
    }
    if ((flags & Utf8Scan.QUOTE) == 0) {
      boolean ok = unquoted(c, file, names, indexes, maxField,
          (flags & Utf8Scan.NON_ASCII) == 0, out);
      if (ok) {
        ChunkedFileSource.count(ChunkedFileSource.Path.CSV_BYTES);
      }
      return ok;
    }
    int off = 0;
    if (c.first() && c.length() >= 3 && (c.data()[0] & 0xff) == 0xEF
        && (c.data()[1] & 0xff) == 0xBB && (c.data()[2] & 0xff) == 0xBF) {
      off = 3;
    }
    String text = new String(c.data(), off, c.length() - off, StandardCharsets.UTF_8);
    FastObservations b = FastObservations.forThisThread();
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT)
        .get()) {
      Iterator<CSVRecord> it = p.iterator();
      long lineBase = c.firstLine() - 1;
      if (c.first()) {
        if (!it.hasNext()) {
          return true;
        }
        it.next(); // the header, checked by the splitter
      }
      long row = c.firstRow();
      int n = names.length;
      while (true) {
        long before = p.getCurrentLineNumber();
        if (!it.hasNext()) {
          break;
        }
        CSVRecord rec = it.next();
        int size = rec.size();
        if (size == 1 && n != 1 && rec.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (size != n) {
          return false;
        }
        for (int i = 0; i < n; i++) {
          String s = rec.get(i);
          if (s.length() > maxField) {
            return false;
          }
          b.cell(indexes[i], names[i], s);
        }
        out.add(b.build(SourceLocation.ofRow(file, row++, lineBase + before + 1)));
      }
      ChunkedFileSource.count(ChunkedFileSource.Path.CSV_COMMONS);
      return true;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return false;
    }
  }

  /**
   * Parses a chunk without a double quote: then every field is the bytes between commas, and
   * every record is one line, so the chunk is cut in place without decoding it first. Declines
   * (false) exactly where {@link #parse} declines: a ragged row, an over-long field.
   */
  private static boolean unquoted(Chunk c, String file, String[] names, int[] indexes,
      int maxField, boolean ascii, List<Object> out) {
    byte[] d = c.data();
    int len = c.length();
    int pos = 0;
    long line = c.firstLine();
    if (c.first()) {
      while (pos < len && d[pos] != '\n') {
        pos++; // the header, checked by the splitter
      }
      pos++;
      line++;
    }
    FastObservations b = FastObservations.forThisThread();
    long row = c.firstRow();
    int n = names.length;
    while (pos < len) {
      if (n != 1 && (d[pos] == '\n' || d[pos] == '\r' && pos + 1 < len && d[pos + 1] == '\n')) {
        pos += d[pos] == '\n' ? 1 : 2; // a blank line
        line++;
        continue;
      }
      for (int i = 0; i < n; i++) {
        int start = pos;
        while (pos < len) {
          byte x = d[pos];
          if (x == ',' || x == '\n' || x == '\r') {
            break;
          }
          pos++;
        }
        int end = pos;
        if (end - start > maxField) {
          return false;
        }
        boolean last = i == n - 1;
        if (pos < len && d[pos] == ',') {
          if (last) {
            return false; // more fields than the header
          }
          pos++;
        } else {
          if (!last) {
            return false; // fewer fields than the header
          }
          if (pos < len && d[pos] == '\r') {
            pos++; // the splitter guarantees a line feed follows
          }
          pos++;
        }
        b.cell(indexes[i], names[i], d, start, end, ascii);
      }
      out.add(b.build(SourceLocation.ofRow(file, row++, line++)));
    }
    return true;
  }
}
