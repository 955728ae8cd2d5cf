package org.civicequity.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A codelist of the standard, loaded from {@code schema/codelists/<id>.json}. Immutable.
 *
 * <p>A final class rather than a record because it keeps an index of its codes for constant-time
 * look-ups on the validation hot path.
 */
public final class Codelist {
  private final String id;
  private final String name;
  private final String description;
  private final Pattern pattern;
  private final List<Code> codes;
  private final Map<String, Code> byCode;

  /**
   * Creates a codelist.
   *
   * @param id          the codelist id (e.g. {@code race-ethnicity})
   * @param name        a human name
   * @param description what the list is for, and its source
   * @param pattern     for open lists, a regular expression that other valid codes match (e.g.
   *                    age bands such as {@code 25-34}); null for closed lists
   * @param codes       the codes, in their documented order
   * @throws IllegalArgumentException if a code is listed twice
   */
  public Codelist(String id, String name, String description, String pattern, List<Code> codes) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = name;
    this.description = description;
    this.pattern = pattern == null ? null : Pattern.compile(pattern);
    this.codes = List.copyOf(codes);
    Map<String, Code> m = new LinkedHashMap<>();
    for (Code c : this.codes) {
      if (m.put(c.code(), c) != null) {
        throw new IllegalArgumentException("codelist " + id + " lists code '" + c.code() + "' twice");
      }
    }
    this.byCode = Map.copyOf(m);
  }

  /** @return the codelist id */
  public String id() {
    return id;
  }

  /** @return the human name */
  public String name() {
    return name;
  }

  /** @return what the list is for */
  public String description() {
    return description;
  }

  /** @return the pattern of an open list, or null for a closed list */
  public String pattern() {
    return pattern == null ? null : pattern.pattern();
  }

  /** @return the codes in their documented order */
  public List<Code> codes() {
    return codes;
  }

  /**
   * Looks a code up.
   *
   * @param code the code
   * @return the listed code, or empty when it is not listed (it may still match {@link #pattern()})
   */
  public Optional<Code> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /**
   * Whether a code is valid in this list: listed, or matching the pattern of an open list.
   *
   * @param code the code
   * @return true when valid
   */
  public boolean accepts(String code) {
    if (code == null) {
      return false;
    }
    return byCode.containsKey(code) || (pattern != null && pattern.matcher(code).matches());
  }

  @Override
  public String toString() {
    return "Codelist[" + id + ", " + codes.size() + " codes]";
  }
}
