package org.civicequity.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads newline-delimited JSON: one observation object per line, blank lines ignored, CRLF and a
 * leading byte order mark accepted. Lines are cut from a byte buffer and each is parsed in place
 * by a streaming parser, so a broken line costs only that line: the problem is reported and
 * reading goes on with the next one. A line longer than the limit is skipped without being held
 * in memory. Each observation's pointer is the root of its line ({@code ""}).
 */
public final class NdjsonRowSource implements RowSource {
  private final InputStream in;
  private final String file;
  private final Problems problems;
  private final JsonFactory factory;
  private final ObservationObjects objects;
  private final int maxLine;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;
  private int scan;
  private boolean eof;
  private boolean first = true;
  private long lineNo;
  private long row;
  private boolean done;

  /**
   * Creates a reader.
   *
   * @param in       the bytes (closed by {@link #close()})
   * @param file     the file name used in locations
   * @param options  the limits
   * @param problems where problems go
   */
  public NdjsonRowSource(InputStream in, String file, ReadOptions options, Problems problems) {
    InputStream stream = in;
    try {
      Utf16.Peeked peeked = Utf16.peek(in);
      stream = peeked.stream();
      if (peeked.utf16() != null) {
        problems.report(new ReadProblem(ReadProblem.ENCODING, new SourceLocation(file, 0, 1, null,
            null), 1, Utf16.message(peeked.utf16()), null));
        done = true;
      }
    } catch (IOException e) {
      problems.report(new ReadProblem(ReadProblem.IO_ERROR, SourceLocation.ofFile(file), 0,
          "the file could not be read: " + e.getMessage(), null));
      done = true;
    }
    this.in = stream;
    this.file = file;
    this.problems = problems;
    this.factory = JsonSupport.factory(options);
    this.objects = new ObservationObjects(factory, options.maxFieldsPerRow());
    this.maxLine = options.maxRowBytes();
  }

  @Override
  public Observation next() {
    while (!done) {
      int lineStart;
      int lineEnd;
      try {
        int nl = findNewline();
        if (nl == -2) {
          continue; // an over-long line was skipped
        }
        if (nl < 0) {
          done = true;
          return null;
        }
        lineStart = start;
        lineEnd = nl;
        start = Math.min(nl + 1, end);
        scan = start;
      } catch (IOException e) {
        done = true;
        problems.report(new ReadProblem(ReadProblem.IO_ERROR, SourceLocation.ofRow(file, row,
            lineNo), 0, "the file could not be read to the end: " + e.getMessage(), null));
        return null;
      }
      lineNo++;
      if (first) {
        first = false;
        if (lineEnd - lineStart >= 3 && (buf[lineStart] & 0xff) == 0xEF
            && (buf[lineStart + 1] & 0xff) == 0xBB && (buf[lineStart + 2] & 0xff) == 0xBF) {
          lineStart += 3;
        }
      }
      if (lineEnd > lineStart && buf[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      if (blank(lineStart, lineEnd)) {
        continue;
      }
      row++;
      Observation o = parseLine(lineStart, lineEnd - lineStart);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  private Observation parseLine(int off, int len) {
    SourceLocation loc = new SourceLocation(file, row, lineNo, null, "");
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), buf, off, len)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        problems.report(new ReadProblem(ReadProblem.NOT_AN_OBJECT, loc, 1,
            "expected a JSON object on the line, found " + describe(t), null));
        return null;
      }
      Observation o = objects.read(p, loc, lineNo, problems);
      JsonToken after = p.nextToken();
      if (after != null) {
        problems.report(new ReadProblem(ReadProblem.JSON_SYNTAX, loc,
            p.currentTokenLocation().getColumnNr(), "expected the end of the line after the "
            + "object, found more JSON (" + describe(after) + "); the row is skipped", null));
        return null;
      }
      return o;
    } catch (JacksonException e) {
      problems.report(JsonSupport.problem(e, file, row, lineNo - 1, ""));
      return null;
    }
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      default -> t.toString();
    };
  }

  private boolean blank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds the end of the next line, reading more input as needed.
   *
   * @return the index of the line's newline (or of the end of the data for a last line without
   *         one), -1 at the end of the input, -2 when an over-long line was skipped
   */
  private int findNewline() throws IOException {
    while (true) {
      for (int i = scan; i < end; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      scan = end;
      if (eof) {
        return start < end ? end : -1;
      }
      if (end - start > maxLine) {
        skipLongLine();
        return -2;
      }
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        scan -= start;
        start = 0;
      }
      if (end == buf.length) {
        byte[] bigger = new byte[Math.min(buf.length * 2, maxLine + 2)];
        System.arraycopy(buf, 0, bigger, 0, end);
        buf = bigger;
      }
      int r = in.read(buf, end, buf.length - end);
      if (r < 0) {
        eof = true;
      } else {
        end += r;
      }
    }
  }

  /** Reports the line at {@link #start} as too long and discards it up to its newline. */
  private void skipLongLine() throws IOException {
    lineNo++;
    first = false;
    row++;
    problems.report(new ReadProblem(ReadProblem.ROW_TOO_LARGE, new SourceLocation(file, row,
        lineNo, null, ""), 0, "the line is longer than the limit of " + maxLine
        + " bytes; it is skipped", null));
    start = 0;
    end = 0;
    scan = 0;
    while (true) {
      int r = in.read(buf, 0, buf.length);
      if (r < 0) {
        eof = true;
        return;
      }
      for (int i = 0; i < r; i++) {
        if (buf[i] == '\n') {
          start = i + 1;
          end = r;
          scan = start;
          return;
        }
      }
    }
  }

  @Override
  public long rowsRead() {
    return row;
  }

  @Override
  public List<String> columns() {
    return List.of();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // closing a stream we only read from: nothing useful to do
    }
  }
}
