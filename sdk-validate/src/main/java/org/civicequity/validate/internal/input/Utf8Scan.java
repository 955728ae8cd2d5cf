package org.civicequity.validate.internal.input;

/** A fast check that bytes are well-formed UTF-8 . */
final class Utf8Scan {
  private Utf8Scan() {
  }

  /** {@link #scan} flag: the bytes are not well-formed UTF-8. */
  static final int INVALID = 1;
  /** {@link #scan} flag: a byte above 0x7F occurs. */
  static final int NON_ASCII = 2;
  /** {@link #scan} flag: a double quote occurs. */
  static final int QUOTE = 4;

  /**
   * Scans bytes once for what the CSV fast path needs to know.
   *
   * @param b   the bytes
   * @param len how many
   * @return a combination of {@link #INVALID}, {@link #NON_ASCII} and {@link #QUOTE}
   */
  static int scan(byte[] b, int len) {
    int flags = ByteScan.quotesAndHighBytes(b, len);
    if ((flags & NON_ASCII) != 0 && !valid(b, len)) {
      flags |= INVALID;
    }
    return flags;
  }

  static boolean valid(byte[] b, int len) {
    int i = 0;
    while (i < len) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + need >= len) {
        return false;
      }
      int cp = c & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += need + 1;
    }
    return true;
  }
}
