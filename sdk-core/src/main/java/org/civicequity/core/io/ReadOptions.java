package org.civicequity.core.io;

import java.util.function.Consumer;

/**
 * Limits and callbacks of a reader. The limits keep memory bounded on hostile or broken input;
 * the defaults suit real feeds.
 *
 * @param maxFieldChars   the longest field (CSV cell or JSON string) kept, in characters; a
 *                        longer field is reported as {@link ReadProblem#FIELD_TOO_LARGE} and its
 *                        row skipped, without holding more than this much of it in memory
 * @param maxRowBytes     the longest NDJSON line, in bytes ({@link ReadProblem#ROW_TOO_LARGE})
 * @param maxFieldsPerRow the most members a JSON observation object may have
 * @param maxNestingDepth the deepest JSON nesting accepted ({@link ReadProblem#NESTING_TOO_DEEP})
 * @param maxProblemsKept how many problems {@link ObservationReader#problems()} keeps (the count
 *                        stays exact, and the listener sees all of them)
 * @param onProblem       called for every problem as it is found, or null
 */
public record ReadOptions(int maxFieldChars, int maxRowBytes, int maxFieldsPerRow,
    int maxNestingDepth, int maxProblemsKept, Consumer<ReadProblem> onProblem) {

  /** Default longest field: 1 MiB characters. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;
  /** Default longest NDJSON line: 4 MiB. */
  public static final int DEFAULT_MAX_ROW_BYTES = 4 << 20;
  /** Default most members of an observation object. */
  public static final int DEFAULT_MAX_FIELDS_PER_ROW = 1_000;
  /** Default deepest JSON nesting. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
  /** Default number of problems kept in {@link ObservationReader#problems()}. */
  public static final int DEFAULT_MAX_PROBLEMS_KEPT = 1_000;

  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException if a limit is not positive
   */
  public ReadOptions {
    positive("maxFieldChars", maxFieldChars);
    positive("maxRowBytes", maxRowBytes);
    positive("maxFieldsPerRow", maxFieldsPerRow);
    positive("maxNestingDepth", maxNestingDepth);
    if (maxProblemsKept < 0) {
      throw new IllegalArgumentException("maxProblemsKept must be >= 0, got " + maxProblemsKept);
    }
  }

  private static void positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + v);
    }
  }

  /**
   * The default limits, with no listener.
   *
   * @return the defaults
   */
  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_ROW_BYTES,
        DEFAULT_MAX_FIELDS_PER_ROW, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_PROBLEMS_KEPT, null);
  }

  /**
   * The same options with another field limit.
   *
   * @param chars the longest field in characters
   * @return new options
   */
  public ReadOptions withMaxFieldChars(int chars) {
    return new ReadOptions(chars, maxRowBytes, maxFieldsPerRow, maxNestingDepth, maxProblemsKept,
        onProblem);
  }

  /**
   * The same options with another NDJSON line limit.
   *
   * @param bytes the longest line in bytes
   * @return new options
   */
  public ReadOptions withMaxRowBytes(int bytes) {
    return new ReadOptions(maxFieldChars, bytes, maxFieldsPerRow, maxNestingDepth, maxProblemsKept,
        onProblem);
  }

  /**
   * The same options with a problem listener.
   *
   * @param listener called for every problem, or null for none
   * @return new options
   */
  public ReadOptions withListener(Consumer<ReadProblem> listener) {
    return new ReadOptions(maxFieldChars, maxRowBytes, maxFieldsPerRow, maxNestingDepth,
        maxProblemsKept, listener);
  }
}
