package org.civicequity.core;

import java.util.List;
import java.util.Map;
import org.civicequity.core.internal.JsonValues;

/**
 * The Table Schema of a tabular resource (Frictionless v2): its columns and keys.
 *
 * @param fields        the columns, in order (never null)
 * @param primaryKey    the columns that identify a row (never null)
 * @param missingValues cell texts meaning "no value" (never null; empty means the default, the
 *                      empty string)
 * @param other         the other members ({@code uniqueKeys}, {@code foreignKeys},
 *                      {@code $schema}, {@code x-} members) as plain JSON values (never null)
 */
public record TableSchema(List<TableField> fields, List<String> primaryKey,
    List<String> missingValues, Map<String, Object> other) {

  /** Copies the collections. */
  public TableSchema {
    fields = fields == null ? List.of() : List.copyOf(fields);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
    other = JsonValues.copyMap(other);
  }
}
