package org.civicequity.validate;

import java.util.Objects;
import org.civicequity.core.SourceLocation;

/**
 * One finding: what is wrong, how serious it is, and exactly where.
 *
 * @param code     the rule code, e.g. {@code GEOID_LENGTH_MISMATCH}
 * @param severity the severity after the user's overrides
 * @param message  what was expected, what was found, and a hint where there is one
 * @param location the file, data row (from 1), physical line, column name or JSON pointer
 * @param value    the offending value as text, or null
 */
public record Finding(String code, Severity severity, String message, SourceLocation location,
    String value) {

  /** Checks the required parts. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }
}
