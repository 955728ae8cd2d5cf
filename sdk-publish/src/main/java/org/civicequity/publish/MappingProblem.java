package org.civicequity.publish;

import java.util.Objects;

/**
 * A problem in a mapping file, located in that file.
 *
 * @param file    the mapping file as the user named it, or {@code recipe:NAME} for a shipped recipe
 * @param line    the line of the offending JSON value, from 1; 0 when unknown
 * @param column  the column of the offending JSON value, from 1; 0 when unknown
 * @param pointer the RFC 6901 JSON pointer of the offending value ({@code ""} for the whole file)
 * @param message what is wrong and, where possible, how to fix it
 */
public record MappingProblem(String file, long line, long column, String pointer, String message) {

  /** Checks the required parts. */
  public MappingProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    pointer = pointer == null ? "" : pointer;
  }

  /** The problem as one line: {@code mapping.json:12:5 /wide/columns/0/pattern: message}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(' ').append(pointer.isEmpty() ? "(document)" : pointer).append(": ").append(message);
    return sb.toString();
  }
}
