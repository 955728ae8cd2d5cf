package org.civicequity.validate.internal;

import java.util.List;
import java.util.Locale;
import org.civicequity.validate.RuleInfo;

/** Renders the rule reference ({@code docs/rules.md}) from the rules' own information. */
public final class RulesMarkdown {
  private RulesMarkdown() {
  }

  /**
   * The reference page.
   *
   * @param rules the rules, in documentation order
   * @return Markdown text with Unix line ends
   */
  public static String render(List<RuleInfo> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Validation rules\n\n")
        .append("<!-- Generated from the rule classes of sdk-validate by RulesDocTest; do not edit.\n")
        .append("     Regenerate: mvn -pl sdk-validate test -Dtest=RulesDocTest -Dcivicequity.regenerate=true -->\n\n")
        .append("Every finding of `civic-equity validate` carries one of these stable codes. ")
        .append("`civic-equity rules` prints this list. Severities: **ERROR** (the standard says ")
        .append("MUST: the feed is invalid), **WARNING** (SHOULD, or best practice), **INFO** ")
        .append("(advice). Switch a rule off or change its severity with a rules file ")
        .append("(`--rules FILE`, lines such as `UNRELIABLE_ESTIMATE=off` or ")
        .append("`DEPRECATED_CODE=error`) or `ValidatorOptions.withRule(...)` in Java.\n\n")
        .append("| Code | Severity | Layer |\n|---|---|---|\n");
    for (RuleInfo r : rules) {
      sb.append("| [").append(r.code()).append("](#").append(r.code().toLowerCase(Locale.ROOT))
          .append(") | ").append(r.severity()).append(" | ")
          .append(r.layer().name().toLowerCase(Locale.ROOT)).append(" |\n");
    }
    RuleInfo.Layer layer = null;
    for (RuleInfo r : rules) {
      if (r.layer() != layer) {
        layer = r.layer();
        sb.append("\n## ").append(switch (layer) {
          case SYNTAX -> "Syntax: the file can be read";
          case STRUCTURE -> "Structure: the JSON Schemas of the standard";
          case SEMANTICS -> "Semantics: what no schema can express";
        }).append('\n');
      }
      sb.append("\n### ").append(r.code()).append("\n\n")
          .append("Severity: ").append(r.severity()).append("\n\n")
          .append(r.description()).append("\n\n")
          .append("Message: `").append(r.template().replace("`", "'")).append("`\n");
    }
    return sb.toString();
  }
}
