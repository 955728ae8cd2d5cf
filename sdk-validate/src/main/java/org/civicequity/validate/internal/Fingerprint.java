package org.civicequity.validate.internal;

/**
 * 64-bit fingerprints of keys made of several texts, for keyed rules that must not keep rows.
 * FNV-1a over the characters, with a separator between parts so that ("ab","c") and ("a","bc")
 * differ, then the MurmurHash3 finaliser to spread the bits. With 10 million distinct keys the
 * chance of any collision is about 3 in a million.
 */
public final class Fingerprint {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private long h = OFFSET;

  /** Starts an empty fingerprint. */
  public Fingerprint() {
  }

  /**
   * Starts again.
   *
   * @return this
   */
  public Fingerprint reset() {
    h = OFFSET;
    return this;
  }

  /**
   * Adds one part (null and empty are distinct from each other).
   *
   * @param s the part
   * @return this
   */
  public Fingerprint add(String s) {
    long x = h;
    if (s == null) {
      x = (x ^ 0x1F) * PRIME;
    } else {
      for (int i = 0, n = s.length(); i < n; i++) {
        x = (x ^ s.charAt(i)) * PRIME;
      }
      x = (x ^ 0x1E) * PRIME;
    }
    h = x;
    return this;
  }

  /**
   * The fingerprint of the parts added so far.
   *
   * @return 64 well-mixed bits
   */
  public long value() {
    return mix(h);
  }

  /**
   * Combines a fingerprint with a small number (e.g. a code's index) into another fingerprint.
   *
   * @param fingerprint a fingerprint
   * @param n           the number
   * @return the combined fingerprint
   */
  public static long combine(long fingerprint, long n) {
    return mix(fingerprint ^ (n * 0x9E3779B97F4A7C15L));
  }

  static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
