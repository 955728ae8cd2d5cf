package org.civicequity.core;

import java.util.Objects;

/**
 * One violation of a JSON Schema of the standard, with its stable finding code.
 *
 * <p>The code is the {@code x-code} annotation nearest to the failing keyword along its schema
 * path, or else derived from the keyword: {@code required} gives
 * {@code REQUIRED_FIELD_MISSING}, {@code additionalProperties} {@code UNKNOWN_FIELD},
 * {@code type} {@code WRONG_TYPE}, {@code enum}/{@code const} {@code UNKNOWN_CODE}, any other
 * {@code SCHEMA_VIOLATION} (docs/architecture.md).
 *
 * @param code    the finding code, e.g. {@code GEOID_LENGTH_MISMATCH}
 * @param pointer the RFC 6901 JSON pointer of the offending value in the validated document
 *                ({@code ""} for the root)
 * @param field   the field the violation is reported on (the {@code x-field} annotation, else
 *                the first member name of the pointer or the missing/unknown property); null
 *                when the violation is about the document as a whole
 * @param keyword the JSON Schema keyword that failed (e.g. {@code pattern}), or the name of the
 *                compiled check for violations found without the schema
 * @param message a sentence for people
 */
public record SchemaViolation(String code, String pointer, String field, String keyword,
    String message) {

  /** A required field is absent (or null). */
  public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
  /** A field the standard does not define and whose name does not start with {@code x-}. */
  public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
  /** A value of the wrong JSON type (e.g. a number given as text). */
  public static final String WRONG_TYPE = "WRONG_TYPE";
  /** A code that its codelist does not define. */
  public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
  /** Any other schema violation without an {@code x-code}. */
  public static final String SCHEMA_VIOLATION = "SCHEMA_VIOLATION";

  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if code, pointer or message is null
   */
  public SchemaViolation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The code a keyword maps to when no {@code x-code} annotation applies.
   *
   * @param keyword a JSON Schema keyword
   * @return the finding code
   */
  public static String codeOfKeyword(String keyword) {
    if (keyword == null) {
      return SCHEMA_VIOLATION;
    }
    return switch (keyword) {
      case "required" -> REQUIRED_FIELD_MISSING;
      case "additionalProperties" -> UNKNOWN_FIELD;
      case "type" -> WRONG_TYPE;
      case "enum", "const" -> UNKNOWN_CODE;
      default -> SCHEMA_VIOLATION;
    };
  }
}
