package org.civicequity.validate;

/**
 * A user's setting for one rule: switched off, or run with a severity of the user's choice.
 *
 * @param enabled  false to switch the rule off (the report lists it as not run)
 * @param severity the severity to report with, or null to keep the rule's default
 */
public record RuleSetting(boolean enabled, Severity severity) {

  /**
   * The setting that switches a rule off.
   *
   * @return a disabled setting
   */
  public static RuleSetting off() {
    return new RuleSetting(false, null);
  }

  /**
   * The setting that runs a rule with another severity.
   *
   * @param severity the severity to report with
   * @return an enabled setting
   */
  public static RuleSetting withSeverity(Severity severity) {
    return new RuleSetting(true, java.util.Objects.requireNonNull(severity, "severity"));
  }

  /**
   * Parses {@code off}, {@code on}, {@code error}, {@code warning} or {@code info}.
   *
   * @param text the text, case-insensitive
   * @return the setting
   * @throws IllegalArgumentException if the text is none of those
   */
  public static RuleSetting parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "off", "false", "disabled" -> off();
      case "on", "true", "enabled" -> new RuleSetting(true, null);
      case "error", "warning", "info" -> withSeverity(Severity.parse(t));
      default -> throw new IllegalArgumentException(
          "expected off, on, error, warning or info; found '" + text + "'");
    };
  }
}
