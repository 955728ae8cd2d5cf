package org.civicequity.core.io;

import java.util.Locale;
import java.util.Optional;

/** The file formats observations can be read from and written to. */
public enum ObservationFormat {
  /** Comma-separated values with a header row (RFC 4180), UTF-8 with or without a BOM. */
  CSV,
  /** Newline-delimited JSON: one observation object per line. */
  NDJSON,
  /** A JSON document: an array of observation objects, or {@code {"observations": [...]}}. */
  JSON;

  /**
   * Guesses the format from a file name's extension ({@code .csv}, {@code .ndjson},
   * {@code .jsonl}, {@code .json}; case-insensitive).
   *
   * @param fileName a file name or path
   * @return the format, or empty when the extension is not one of those
   */
  public static Optional<ObservationFormat> fromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
      return Optional.of(NDJSON);
    }
    if (n.endsWith(".json")) {
      return Optional.of(JSON);
    }
    return Optional.empty();
  }
}
