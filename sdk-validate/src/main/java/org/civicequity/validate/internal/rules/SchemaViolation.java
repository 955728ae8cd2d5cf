package org.civicequity.validate.internal.rules;

import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;

/**
 * The code of a JSON Schema error that no more specific code covers (a pattern, a length, a
 * format, a minimum), reported when the manifest, indicators.json or geographies.csv is checked
 * against its schema.
 */
public final class SchemaViolation {
  /** The rule information. */
  public static final RuleInfo INFO = RuleInfo.of("SCHEMA_VIOLATION", Severity.ERROR,
      Layer.STRUCTURE, """
      A value breaks a constraint of the standard's JSON Schema that has no more specific code:
      a pattern, a length, a format such as a date or URL, or a minimum. The message quotes the
      schema's own explanation and the JSON pointer of the value. In data.json: what DCAT-US 1.1
      requires of a value (a contactPoint hasEmail of the form mailto:address, a description of
      at most 10,000 characters, non-empty keywords, an ISO 8601 modified date).""");

  private SchemaViolation() {
  }
}
