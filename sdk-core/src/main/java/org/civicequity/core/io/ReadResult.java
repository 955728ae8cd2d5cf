package org.civicequity.core.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civicequity.core.SourceLocation;
import tools.jackson.databind.JsonNode;

/**
 * What a reader of a whole file (a manifest, an indicators file, a geographies table) found: the
 * value it could build, the problems it met, and for JSON files the parsed tree and the line of
 * every JSON pointer, so that a validator can run the JSON Schema on the tree and locate each
 * violation. Immutable.
 *
 * @param <T> the value type
 */
public final class ReadResult<T> {
  private final String file;
  private final T value;
  private final List<ReadProblem> problems;
  private final JsonNode tree;
  private final Map<String, Long> lines;

  /**
   * Creates a result.
   *
   * @param file     the file name used in locations
   * @param value    the value, or null when the file could not be read into one
   * @param problems the problems met
   * @param tree     the parsed JSON tree, or null (not JSON, or not parseable); copied
   * @param lines    JSON pointer to physical line (empty when not JSON)
   */
  public ReadResult(String file, T value, List<ReadProblem> problems, JsonNode tree,
      Map<String, Long> lines) {
    this.file = Objects.requireNonNull(file, "file");
    this.value = value;
    this.problems = List.copyOf(problems);
    this.tree = tree == null ? null : tree.deepCopy();
    this.lines = lines == null ? Map.of() : Map.copyOf(lines);
  }

  /** @return the file name used in locations */
  public String file() {
    return file;
  }

  /** @return the value, or empty when the file could not be read into one */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** @return the problems met while reading (syntax, encoding, duplicates, limits) */
  public List<ReadProblem> problems() {
    return problems;
  }

  /** @return true when a value was read and no problem was met */
  public boolean ok() {
    return value != null && problems.isEmpty();
  }

  /**
   * The parsed JSON document, for schema validation.
   *
   * @return a copy of the tree, or empty when the file is not JSON or could not be parsed
   */
  public Optional<JsonNode> tree() {
    return Optional.ofNullable(tree == null ? null : tree.deepCopy());
  }

  /**
   * Locates a JSON pointer in the file: the line of the value it names or of its nearest
   * ancestor.
   *
   * @param pointer an RFC 6901 pointer ({@code ""} for the whole document)
   * @return the location, with the pointer and the line (0 when unknown)
   */
  public SourceLocation locate(String pointer) {
    String p = pointer == null ? "" : pointer;
    String probe = p;
    while (true) {
      Long line = lines.get(probe);
      if (line != null || probe.isEmpty()) {
        return new SourceLocation(file, 0, line == null ? 0 : line, null, p);
      }
      int slash = probe.lastIndexOf('/');
      probe = slash <= 0 ? "" : probe.substring(0, slash);
    }
  }
}
