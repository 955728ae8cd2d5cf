package org.civicequity.validate;

import java.util.Objects;
import java.util.regex.Pattern;
import org.civicequity.validate.internal.MessageTemplates;

/**
 * What a rule reports: its stable code, default severity, kind, message template and
 * documentation paragraph. The code is never derived from a class name and never reused.
 *
 * @param code        the stable code, UPPER_SNAKE_CASE, e.g. {@code GEOID_LENGTH_MISMATCH}
 * @param severity    the default severity (users may change it by code)
 * @param layer       the layer of validation the rule belongs to
 * @param template    the one-line message template; {@code {0}}, {@code {1}}... are replaced by the
 *                    arguments a rule passes with a finding
 * @param description the documentation paragraph: the invalid condition, why it matters, how to fix
 */
public record RuleInfo(String code, Severity severity, Layer layer, String template,
    String description) {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /** The layer a rule belongs to: reports and docs group rules by it. */
  public enum Layer {
    /** The file can be read: encoding, CSV and JSON syntax. */
    SYNTAX,
    /** The JSON Schemas of the standard (or code that provably agrees with them). */
    STRUCTURE,
    /** Meaning: rules no schema can express, over one row, over keys, or over the whole feed. */
    SEMANTICS
  }

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if the code is not UPPER_SNAKE_CASE or a text is blank
   */
  public RuleInfo {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(layer, "layer");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("rule code must be UPPER_SNAKE_CASE, got '" + code + "'");
    }
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("rule " + code + " has no message template");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("rule " + code + " has no description");
    }
    description = description.strip().replaceAll("\\s+", " ");
  }

  /**
   * A rule of this SDK: its message template is read from the SDK's message file, keyed by code.
   *
   * @param code        the stable code
   * @param severity    the default severity
   * @param layer       the layer
   * @param description the documentation paragraph
   * @return the rule information
   * @throws IllegalArgumentException if the message file has no template for the code
   */
  public static RuleInfo of(String code, Severity severity, Layer layer, String description) {
    return new RuleInfo(code, severity, layer, MessageTemplates.builtIn().template(code),
        description);
  }

  /**
   * The message template of a variant of this rule's message (e.g. with a hint that applies only
   * in some cases), or the main template when the SDK has no such variant.
   *
   * @param variant the variant name, or null for the main template
   * @return the template text
   */
  public String template(String variant) {
    if (variant == null) {
      return template;
    }
    String t = MessageTemplates.builtIn().variant(code, variant);
    return t == null ? template : t;
  }
}
