package org.civicequity.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One code of a codelist.
 *
 * @param code        the code itself, lower-kebab-case (e.g. {@code black-alone})
 * @param label       a short human label
 * @param definition  what the code means, with its source where there is one
 * @param deprecated  true when the code stays valid but should no longer be used
 * @param replacedBy  the codes to use instead (empty when not deprecated, or when no code can
 *                    replace it, e.g. data that cannot separate MENA people)
 * @param attributes  list-specific attributes (e.g. {@code geoIdLength} of a geography level,
 *                    {@code minimum}/{@code maximum} of a unit, {@code tabulation} and
 *                    {@code group} of a race/ethnicity code); values are JSON scalars or lists
 */
public record Code(String code, String label, String definition, boolean deprecated,
    List<String> replacedBy, Map<String, Object> attributes) {

  /** Checks and copies. */
  public Code {
    Objects.requireNonNull(code, "code");
    replacedBy = replacedBy == null ? List.of() : List.copyOf(replacedBy);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * A text attribute.
   *
   * @param name the attribute name
   * @return its value as text, or null when absent
   */
  public String attribute(String name) {
    Object v = attributes.get(name);
    return v == null ? null : v.toString();
  }

  /**
   * A numeric attribute.
   *
   * @param name the attribute name
   * @return its value, or null when absent or not a number
   */
  public Double number(String name) {
    return attributes.get(name) instanceof Number n ? n.doubleValue() : null;
  }
}
