package org.civicequity.core.io;

/**
 * Bounds on what a feed may hold, so that a hostile zip file or directory cannot exhaust memory
 * or disk.
 *
 * @param maxEntries      the most entries of a zip file, or files of a directory
 * @param maxTotalBytes   the most bytes all files of the feed may expand to
 * @param maxRatio        the largest compression ratio of a zip entry (uncompressed size over
 *                        compressed size) for entries larger than {@code ratioFloorBytes}
 * @param ratioFloorBytes entries at most this large are not held to the ratio (small files
 *                        compress well and are harmless)
 */
public record FeedLimits(int maxEntries, long maxTotalBytes, int maxRatio, long ratioFloorBytes) {

  /** Default most entries: 10,000. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** Default most bytes: 2 GiB. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 2L << 30;
  /** Default largest compression ratio: 100:1. */
  public static final int DEFAULT_MAX_RATIO = 100;
  /** Default size below which the ratio is not checked: 64 KiB. */
  public static final long DEFAULT_RATIO_FLOOR_BYTES = 64 << 10;

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if a bound is not positive
   */
  public FeedLimits {
    if (maxEntries <= 0 || maxTotalBytes <= 0 || maxRatio <= 0 || ratioFloorBytes < 0) {
      throw new IllegalArgumentException("feed limits must be positive: entries=" + maxEntries
          + " bytes=" + maxTotalBytes + " ratio=" + maxRatio + " floor=" + ratioFloorBytes);
    }
  }

  /**
   * The default bounds.
   *
   * @return 10,000 entries, 2 GiB, 100:1 above 64 KiB
   */
  public static FeedLimits defaults() {
    return new FeedLimits(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_RATIO,
        DEFAULT_RATIO_FLOOR_BYTES);
  }
}
