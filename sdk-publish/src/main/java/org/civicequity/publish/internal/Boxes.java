package org.civicequity.publish.internal;

/**
 * Boxes numbers, handing out again the box of an equal number met recently. The cells of a
 * table repeat a few values over and over (rates with one decimal, small counts, margins of
 * error), so a conversion keeps far fewer {@link Double} objects: a million rows of four numbers
 * hold about a third of the boxes, which the garbage collector copies and every later pass reads.
 *
 * <p>A table of {@value #SLOTS} slots indexed by a hash of the bits, where a number replaces the
 * one before it in its slot; equal means the same bits (so {@code -0.0} and {@code 0.0} keep
 * their own boxes). Not thread-safe: one per thread of conversion.
 */
final class Boxes {
  /** Slots (4,096 references: 16 KiB, which stays in the processor's cache). */
  static final int SLOTS = 1 << 12;
  private static final int SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);

  private final Double[] slots = new Double[SLOTS];

  /**
   * The box of a number.
   *
   * @param d the number
   * @return a box holding exactly d: the one handed out for it before, if still in its slot
   */
  Double of(double d) {
    long bits = Double.doubleToRawLongBits(d);
    // Fibonacci hashing: the top bits of the product depend on every bit of the number
    int i = (int) ((bits * 0x9E3779B97F4A7C15L) >>> SHIFT);
    Double b = slots[i];
    if (b == null || Double.doubleToRawLongBits(b) != bits) {
      b = d;
      slots[i] = b;
    }
    return b;
  }
}
