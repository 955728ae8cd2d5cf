package org.civicequity.publish;

import java.util.Objects;
import org.civicequity.core.SourceLocation;

/**
 * A problem met while converting a table: located in the user's file (row, line, column) or,
 * for mistakes of the mapping, in the mapping file.
 *
 * @param severity how serious it is
 * @param code     a stable code (e.g. {@code UNKNOWN_INDICATOR_CODE})
 * @param message  what is wrong and how to fix it
 * @param location where
 * @param value    the offending text, or null
 */
public record ConversionProblem(Severity severity, String code, String message, SourceLocation location, String value) {

  /** How serious a problem is. */
  public enum Severity {
    /** The output is wrong or incomplete; convert exits with 1. */
    ERROR,
    /** Something the user should look at. */
    WARNING,
    /** For information (e.g. a column that no rule uses). */
    INFO
  }

  /** Checks the required parts. */
  public ConversionProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** The problem as one line for people: {@code ERROR CODE file:line (row, column): message [value]}. */
  @Override
  public String toString() {
    return severity + " " + code + " " + location + ": " + message + (value == null ? "" : " [" + value + "]");
  }
}
