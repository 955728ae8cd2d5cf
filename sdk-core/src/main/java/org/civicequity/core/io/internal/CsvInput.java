package org.civicequity.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The character stream a CSV parser reads: UTF-8 decoded with malformed bytes replaced by
 * U+FFFD and recorded (never thrown), a leading byte order mark dropped, and every field capped
 * at a maximum length so that a hostile file cannot make the parser buffer gigabytes.
 *
 * <p>To cap fields it follows the RFC 4180 quoting state (quote {@code "} opening a field,
 * doubled inside it, delimiter {@code ,}, line breaks CR, LF or CRLF). Characters of a field
 * beyond the cap are dropped (a closing quote is kept so the parser still sees a well-formed
 * field) and an event names the line and field index, which the CSV reader turns into a
 * {@code FIELD_TOO_LARGE} problem for the record. Physical lines are counted as the parser
 * counts them, so events match records by line.
 */
final class CsvInput extends Reader {

  /** Something the reader must report, tied to a physical line. */
  record Event(Kind kind, long line, long charColumn, int fieldIndex, String detail) {
  }

  /** Kinds of events. */
  enum Kind { ENCODING, FIELD_TOO_LARGE }

  private static final char REPLACEMENT = '\uFFFD';

  private final InputStream in;
  private final int maxFieldChars;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final CharBuffer decoded = CharBuffer.allocate(1 << 16).flip();
  /** Positions in {@link #decoded} of replacement characters the decoder put there. */
  private final ArrayDeque<int[]> replacements = new ArrayDeque<>();
  private final ArrayDeque<String> replacedBytes = new ArrayDeque<>();
  private final ArrayDeque<Event> events = new ArrayDeque<>();
  private boolean eof;
  private boolean flushed;
  private boolean started;
  private final char[] out = new char[1 << 14];
  private int outStart;
  private int outEnd;

  // position: physical line (from 1) and character in the line (from 1) of the next character
  private long line = 1;
  private long column = 1;
  private boolean previousWasCr;

  // field state
  private boolean atFieldStart = true;
  private boolean fieldQuoted;
  private boolean inQuotes;
  private long fieldLength;
  private boolean truncating;
  private boolean emittedInQuotes;
  private int fieldIndex;
  private long fieldStartLine = 1;
  private long fieldStartColumn = 1;

  CsvInput(InputStream in, int maxFieldChars) {
    this.in = in;
    this.maxFieldChars = maxFieldChars;
  }

  /** @return the next pending event, or null */
  Event pollEvent() {
    return events.poll();
  }

  /** @return the pending event that would be polled next, or null */
  Event peekEvent() {
    return events.peek();
  }

  /** @return true when the input ended inside a quoted field */
  boolean endedInQuotes() {
    return eof && !decoded.hasRemaining() && inQuotes;
  }

  /** @return the line where the current field starts */
  long fieldStartLine() {
    return fieldStartLine;
  }

  /** @return the character column where the current field starts */
  long fieldStartColumn() {
    return fieldStartColumn;
  }

  /** @return the index (from 0) of the current field in its record */
  int fieldIndex() {
    return fieldIndex;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (outStart == outEnd) {
      if (!decoded.hasRemaining() && !fill()) {
        return -1;
      }
      outStart = 0;
      outEnd = drain(out, 0, out.length);
    }
    int n = Math.min(len, outEnd - outStart);
    System.arraycopy(out, outStart, cbuf, off, n);
    outStart += n;
    return n;
  }

  /** Moves decoded characters through the field guard into {@code cbuf}. */
  private int drain(char[] cbuf, int off, int len) {
    int n = off;
    char[] in = decoded.array();
    int i = decoded.position();
    int limit = decoded.limit();
    int end = off + len - 1; // leave room for an extra closing quote
    long length = fieldLength;
    while (i < limit && n < end) {
      char c = in[i];
      if (c != '"' && c != ',' && c != '\n' && c != '\r' && c != REPLACEMENT && !atFieldStart
          && length < maxFieldChars) {
        // the common case: an ordinary character inside a field that is not being cut
        length++;
        cbuf[n++] = c;
        i++;
        continue;
      }
      if (length != fieldLength) {
        // account for the ordinary characters just copied
        column += length - fieldLength;
        fieldLength = length;
        previousWasCr = false;
      }
      n = special(c, i++, cbuf, n);
      length = fieldLength;
    }
    if (length != fieldLength) {
      column += length - fieldLength;
      fieldLength = length;
      previousWasCr = false;
    }
    decoded.position(i);
    n -= off;
    if (!decoded.hasRemaining() && eof && flushed && truncating && emittedInQuotes && n < len) {
      // the input ended inside a truncated quoted field: close it so the parser reports the
      // field rather than an unterminated quote hiding the real problem
      cbuf[off + n++] = '"';
      emittedInQuotes = false;
    }
    return n;
  }

  /**
   * Handles a character that may change the state: a quote, a delimiter, a line break, a
   * replaced byte sequence, the first character of a field, or any character of a field that
   * reached the cap.
   *
   * @return the new output position
   */
  private int special(char c, int pos, char[] cbuf, int n) {
    int out = n;
    long charLine = line;
    long charColumn = column;
    advancePosition(c);
    if (c == REPLACEMENT && !replacements.isEmpty() && replacements.peek()[0] == pos) {
      replacements.poll();
      events.add(new Event(Kind.ENCODING, charLine, charColumn, fieldIndex, replacedBytes.poll()));
    }
    if (atFieldStart) {
      atFieldStart = false;
      fieldQuoted = c == '"';
      inQuotes = false;
      fieldLength = 0;
      truncating = false;
      emittedInQuotes = false;
      fieldStartLine = charLine;
      fieldStartColumn = charColumn;
    }
    if (c == '"' && fieldQuoted) {
      inQuotes = !inQuotes;
    }
    if (!inQuotes && (c == ',' || c == '\n' || c == '\r')) {
      if (truncating && emittedInQuotes) {
        cbuf[out++] = '"';
      }
      cbuf[out++] = c;
      atFieldStart = true;
      fieldIndex = c == ',' ? fieldIndex + 1 : 0;
      return out;
    }
    fieldLength++;
    if (fieldLength > maxFieldChars) {
      if (!truncating) {
        truncating = true;
        events.add(new Event(Kind.FIELD_TOO_LARGE, fieldStartLine, fieldStartColumn, fieldIndex,
            null));
      }
      return out;
    }
    cbuf[out++] = c;
    if (c == '"' && fieldQuoted) {
      emittedInQuotes = !emittedInQuotes;
    }
    return out;
  }

  private void advancePosition(char c) {
    if (c == '\n') {
      if (!previousWasCr) {
        line++;
      }
      column = 1;
      previousWasCr = false;
    } else if (c == '\r') {
      line++;
      column = 1;
      previousWasCr = true;
    } else {
      column++;
      previousWasCr = false;
    }
  }

  /** Decodes the next chunk into {@link #decoded}; false at the end of the input. */
  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    decoded.clear();
    replacements.clear();
    try {
      while (decoded.position() == 0) {
        if (!eof && bytes.remaining() < 4) {
          bytes.compact();
          int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (r < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + r);
          }
          bytes.flip();
        }
        CoderResult result = decoder.decode(bytes, decoded, eof);
        if (result.isError()) {
          StringBuilder hex = new StringBuilder();
          for (int i = 0; i < result.length(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get() & 0xff));
          }
          if (!decoded.hasRemaining()) {
            // no room for the replacement: give back the bytes and emit what we have
            bytes.position(bytes.position() - result.length());
            break;
          }
          replacements.add(new int[] {decoded.position()});
          replacedBytes.add(hex.toString());
          decoded.put(REPLACEMENT);
          continue;
        }
        if (result.isOverflow()) {
          break;
        }
        // underflow: more input needed, or the end
        if (eof) {
          if (!flushed) {
            decoder.flush(decoded);
            flushed = true;
          }
          break;
        }
        if (decoded.position() > 0 && bytes.remaining() == 0) {
          break;
        }
      }
    } finally {
      decoded.flip();
    }
    if (!started && decoded.hasRemaining()) {
      started = true;
      if (decoded.get(decoded.position()) == '\uFEFF') {
        decoded.get();
      }
    }
    return decoded.hasRemaining();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
