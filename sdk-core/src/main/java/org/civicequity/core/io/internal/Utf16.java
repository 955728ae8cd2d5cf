package org.civicequity.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Recognises a UTF-16 byte order mark at the start of a stream, so that a spreadsheet saved as
 * "Unicode text" gets one clear problem instead of an invalid-UTF-8 problem on every character.
 */
final class Utf16 {
  private Utf16() {
  }

  /** A stream whose first bytes can be inspected, and what they were. */
  record Peeked(InputStream stream, String utf16) {
  }

  /**
   * Looks at the first two bytes.
   *
   * @param in the stream
   * @return the stream to read from (with the bytes pushed back) and "UTF-16LE"/"UTF-16BE" when a
   *         UTF-16 byte order mark starts it, else null
   * @throws IOException if the stream cannot be read
   */
  static Peeked peek(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 2);
    byte[] two = new byte[2];
    int n = p.readNBytes(two, 0, 2);
    if (n > 0) {
      p.unread(two, 0, n);
    }
    String kind = null;
    if (n == 2 && (two[0] & 0xff) == 0xFF && (two[1] & 0xff) == 0xFE) {
      kind = "UTF-16LE";
    } else if (n == 2 && (two[0] & 0xff) == 0xFE && (two[1] & 0xff) == 0xFF) {
      kind = "UTF-16BE";
    }
    return new Peeked(p, kind);
  }

  /**
   * The message for a UTF-16 file.
   *
   * @param kind the UTF-16 variant
   * @return the message
   */
  static String message(String kind) {
    return "expected UTF-8 text, found a " + kind + " file (it starts with a UTF-16 byte order "
        + "mark); save it as UTF-8 (\"CSV UTF-8\" in a spreadsheet)";
  }
}
