package org.civicequity.publish.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A CSV file read with commons-csv, with a given delimiter and encoding (a UTF BOM is dropped).
 * Plain lines (ASCII without quotes, in an ASCII-compatible encoding) are cut from bytes by
 * {@link PlainLines}, which reads them as commons-csv does; from the first line that is not plain,
 * commons-csv reads the file (skipping the rows already read).
 */
public final class CsvTable implements Table {
  private final String name;
  private final Path file;
  private final Charset charset;
  private final char delimiter;
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private PlainLines plain;
  /** Rows commons-csv reads again before the next one (those read from plain lines). */
  private long skip;
  private long nextLine = 1;

  /**
   * Opens a CSV file.
   *
   * @param file      the file
   * @param name      its name for messages
   * @param delimiter the delimiter
   * @param charset   the encoding; bytes that are not valid in it are reported, not replaced
   * @throws IOException if the file cannot be opened
   */
  public CsvTable(Path file, String name, char delimiter, Charset charset) throws IOException {
    this(file, name, delimiter, charset, true);
  }

  /**
   * Opens a CSV file, with or without the byte-level path (tests compare the two).
   *
   * @param file      the file
   * @param name      its name for messages
   * @param delimiter the delimiter
   * @param charset   the encoding
   * @param fast      whether plain lines may be read from bytes
   * @throws IOException if the file cannot be opened
   */
  CsvTable(Path file, String name, char delimiter, Charset charset, boolean fast) throws IOException {
    this.name = name;
    this.file = file;
    this.charset = charset;
    this.delimiter = delimiter;
    if (fast && PlainLines.applies(delimiter, charset)) {
      this.plain = PlainLines.open(file, delimiter);
      if (plain != null) {
        return;
      }
    }
    openParser();
  }

  /** Opens commons-csv on the file. */
  private void openParser() throws IOException {
    InputStream in = Files.newInputStream(file);
    BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
        .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
    Charset effective = charset;
    ByteOrderMark mark = bom.getBOM();
    if (mark != null && !mark.getCharsetName().equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
      effective = Charset.forName(mark.getCharsetName());
    }
    CharsetDecoder decoder = effective.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader = new BufferedReader(new InputStreamReader(bom, decoder), 1 << 16);
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
        .setAllowMissingColumnNames(true).get();
    this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    this.records = parser.iterator();
  }

  @Override
  public RawRow next() throws IOException {
    if (plain != null) {
      RawRow row = plain.next(nextLine);
      if (row != null) {
        nextLine++;
        return row;
      }
      boolean end = plain.atEnd();
      plain.close();
      plain = null;
      if (end) {
        return null;
      }
      // a line that is not plain (quotes, a lone CR, bytes above ASCII): commons-csv reads the
      // file from its start, skipping the rows already read, so that everything it says (cells,
      // line numbers, errors with their positions) is what it says reading the file alone
      openParser();
      skip = nextLine - 1;
    }
    long startLine = nextLine;
    try {
      for (; skip > 0; skip--) {
        if (!records.hasNext()) {
          throw new IOException(name + ": the file changed while it was read");
        }
        records.next();
      }
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord rec = records.next();
      nextLine = parser.getCurrentLineNumber() + 1;
      // commons-csv gives no null cells here (no null string is configured)
      return new RawRow(startLine, List.of(rec.values()));
    } catch (UncheckedIOException e) {
      throw explain(e.getCause(), startLine);
    } catch (IllegalStateException e) {
      // commons-csv reports syntax errors (e.g. an unclosed quote) this way
      throw new IOException(name + ":" + startLine + ": " + (e.getCause() instanceof IOException io
          ? io.getMessage() : e.getMessage()), e);
    }
  }

  private IOException explain(IOException cause, long line) {
    if (cause instanceof CharacterCodingException) {
      String hint = StandardCharsets.UTF_8.equals(charset)
          ? "; if it was saved by Excel or another Windows program, set \"input\": {\"encoding\": \"windows-1252\"} in the mapping"
          : "";
      long bad = firstUndecodableLine();
      return new IOException(name + ":" + (bad > 0 ? bad : line) + ": the file is not valid " + charset.name()
          + " text" + (bad > 0 ? " on this line" : " near this line") + hint, cause);
    }
    return new IOException(name + ":" + line + ": " + cause.getMessage(), cause);
  }

  /** The first physical line that does not decode (reads the file again; only after an error). */
  private long firstUndecodableLine() {
    try (InputStream in = Files.newInputStream(file)) {
      CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      java.io.ByteArrayOutputStream lineBytes = new java.io.ByteArrayOutputStream();
      long line = 1;
      int b;
      java.io.BufferedInputStream bin = new java.io.BufferedInputStream(in);
      while ((b = bin.read()) != -1) {
        if (b == '\n') {
          if (!decodes(d, lineBytes.toByteArray())) {
            return line;
          }
          lineBytes.reset();
          line++;
        } else {
          lineBytes.write(b);
        }
      }
      return decodes(d, lineBytes.toByteArray()) ? 0 : line;
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean decodes(CharsetDecoder d, byte[] bytes) {
    try {
      d.reset().decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Override
  public String displayName() {
    return name;
  }

  @Override
  public void close() throws IOException {
    if (plain != null) {
      plain.close();
    }
    if (parser != null) {
      parser.close();
    }
  }
}
