package org.civicequity.core;

import java.util.List;
import java.util.Map;
import org.civicequity.core.internal.JsonValues;

/**
 * A column of a tabular resource (a Frictionless Table Schema field).
 *
 * @param name          the column name
 * @param type          the Table Schema type ({@code string}, {@code number}, ...), or null for
 *                      string
 * @param format        the Table Schema format, or null
 * @param title         a human title, or null
 * @param description   what the column holds, or null
 * @param constraints   the field's constraints ({@code required}, {@code pattern}, ...) as plain
 *                      JSON values (never null)
 * @param missingValues cell texts meaning "no value" for this column (never null; empty = the
 *                      schema's)
 */
public record TableField(String name, String type, String format, String title,
    String description, Map<String, Object> constraints, List<String> missingValues) {

  /** Copies the collections. */
  public TableField {
    constraints = JsonValues.copyMap(constraints);
    missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
  }

  /**
   * A column with a name and type only.
   *
   * @param name the column name
   * @param type the Table Schema type
   * @return the field
   */
  public static TableField of(String name, String type) {
    return new TableField(name, type, null, null, null, Map.of(), List.of());
  }
}
