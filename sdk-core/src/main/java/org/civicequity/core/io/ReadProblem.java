package org.civicequity.core.io;

import java.util.Objects;
import org.civicequity.core.SourceLocation;

/**
 * A problem met while reading a file: the input could not be parsed (syntax), was not valid
 * UTF-8, or broke a safety limit. Readers report problems and go on where they can (the next CSV
 * record, the next NDJSON line); they never throw for bad input.
 *
 * <p>The codes are stable (add, never rename); the validator reports them as findings.
 *
 * @param code       a stable code, one of the constants of this class
 * @param location   where the problem is: file, data row, physical line, column name or JSON
 *                   pointer when known
 * @param charColumn the character position in the physical line, from 1; 0 when unknown
 * @param message    a sentence for people, saying what was expected and what was found
 * @param value      the offending text (shortened to at most 200 characters), or null
 */
public record ReadProblem(String code, SourceLocation location, long charColumn, String message,
    String value) {

  /** The bytes are not valid UTF-8 (the value shows the replaced text). */
  public static final String ENCODING = "ENCODING";
  /** A CSV syntax error, such as an unterminated quoted field; reading stops there. */
  public static final String CSV_SYNTAX = "CSV_SYNTAX";
  /** A JSON syntax error; an NDJSON reader skips the line, a JSON reader stops. */
  public static final String JSON_SYNTAX = "JSON_SYNTAX";
  /** The JSON document does not have the expected shape (e.g. no array of observations). */
  public static final String JSON_STRUCTURE = "JSON_STRUCTURE";
  /** A row of a JSON or NDJSON file is not a JSON object. */
  public static final String NOT_AN_OBJECT = "NOT_AN_OBJECT";
  /** A JSON object names the same member twice; the row is skipped. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
  /** JSON nested deeper than the reader allows. */
  public static final String NESTING_TOO_DEEP = "NESTING_TOO_DEEP";
  /** A CSV file has no header row (it is empty). */
  public static final String HEADER_MISSING = "HEADER_MISSING";
  /** A CSV header names a column twice, or has an empty column name. */
  public static final String HEADER_INVALID = "HEADER_INVALID";
  /** A CSV record has more or fewer cells than the header; the row is skipped. */
  public static final String RAGGED_ROW = "RAGGED_ROW";
  /** A field is longer than the reader allows; the row is skipped. */
  public static final String FIELD_TOO_LARGE = "FIELD_TOO_LARGE";
  /** A row (an NDJSON line, or a JSON object's member count) is larger than allowed; skipped. */
  public static final String ROW_TOO_LARGE = "ROW_TOO_LARGE";
  /** The file could not be read to the end (an I/O error); reading stops. */
  public static final String IO_ERROR = "IO_ERROR";

  private static final int MAX_VALUE_CHARS = 200;

  /**
   * Checks the arguments and shortens the value.
   *
   * @throws NullPointerException if code, location or message is null
   */
  public ReadProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    if (charColumn < 0) {
      throw new IllegalArgumentException("charColumn must be >= 0, got " + charColumn);
    }
    value = shorten(value);
  }

  /**
   * Shortens a text for display in a problem or finding.
   *
   * @param text a text, may be null
   * @return the text, cut to 200 characters with an ellipsis when longer; null for null
   */
  public static String shorten(String text) {
    if (text == null || text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_VALUE_CHARS - 1) + "\u2026";
  }

  /** A one-line form such as {@code observations.csv:13 (row 12, geoId): RAGGED_ROW ...}. */
  @Override
  public String toString() {
    return location + (charColumn > 0 ? " col " + charColumn : "") + ": " + code + " " + message;
  }
}
