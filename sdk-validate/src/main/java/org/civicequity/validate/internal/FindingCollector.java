package org.civicequity.validate.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.Finding;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleSetting;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationReport.FindingGroup;

/**
 * Collects the findings of one run: exact counts per code, and the first examples with their
 * formatted message. Applies the user's rule settings (off, severity). Not thread-safe.
 */
public final class FindingCollector implements Findings {
  private final Map<String, RuleSetting> settings;
  private final int cap;
  private final Map<String, Group> groups = new HashMap<>();
  private boolean suspended;

  /**
   * Creates a collector.
   *
   * @param settings the user's settings by code
   * @param cap      examples kept per code
   */
  public FindingCollector(Map<String, RuleSetting> settings, int cap) {
    this.settings = settings;
    this.cap = cap;
  }

  @Override
  public void report(RuleInfo rule, SourceLocation location, Object value, Object... args) {
    add(rule, rule.template(), location, value, args);
  }

  @Override
  public void reportVariant(RuleInfo rule, String variant, SourceLocation location, Object value,
      Object... args) {
    add(rule, variant == null ? rule.template() : rule.template(variant), location, value, args);
  }

  private void add(RuleInfo rule, String template, SourceLocation location, Object rawValue,
      Object[] args) {
    if (suspended) {
      return;
    }
    Group g = groups.get(rule.code());
    if (g == null) {
      RuleSetting s = settings.get(rule.code());
      if (s != null && !s.enabled()) {
        return;
      }
      Severity sev = s != null && s.severity() != null ? s.severity() : rule.severity();
      g = new Group(rule, sev);
      groups.put(rule.code(), g);
    }
    g.count++;
    if (g.examples.size() < cap) {
      String value = rawValue == null ? null : MessageTemplates.text(rawValue);
      g.examples.add(new Finding(rule.code(), g.severity, MessageTemplates.format(template, cap(value), args),
          location == null ? SourceLocation.ofFile("(unknown)") : location, cap(value)));
    }
  }

  private static String cap(String value) {
    if (value == null || value.length() <= 200) {
      return value;
    }
    return value.substring(0, 200) + "… (" + value.length() + " characters)";
  }

  /**
   * Adds another collector's findings to this one (examples up to the cap).
   *
   * @param other the other collector
   */
  public void absorb(FindingCollector other) {
    for (Group o : other.groups.values()) {
      Group g = groups.get(o.rule.code());
      if (g == null) {
        g = new Group(o.rule, o.severity);
        groups.put(o.rule.code(), g);
      }
      g.count += o.count;
      for (Finding f : o.examples) {
        if (g.examples.size() < cap) {
          g.examples.add(f);
        }
      }
    }
  }

  /**
   * Drops findings until {@link #resume()}: used while a rule's findings must not count.
   */
  public void suspend() {
    suspended = true;
  }

  /** Counts findings again. */
  public void resume() {
    suspended = false;
  }

  /**
   * The count of one code so far.
   *
   * @param code the code
   * @return the count
   */
  public long count(String code) {
    Group g = groups.get(code);
    return g == null ? 0 : g.count;
  }

  /**
   * The count of findings of one severity.
   *
   * @param severity the severity
   * @return the count
   */
  public long count(Severity severity) {
    long n = 0;
    for (Group g : groups.values()) {
      if (g.severity == severity) {
        n += g.count;
      }
    }
    return n;
  }

  /**
   * The groups in report order: most serious first, then by code.
   *
   * @return the groups
   */
  public List<FindingGroup> groups() {
    List<FindingGroup> out = new ArrayList<>();
    for (Group g : groups.values()) {
      out.add(new FindingGroup(g.rule.code(), g.severity, g.count, g.rule.description(),
          g.examples));
    }
    out.sort(Comparator.comparing(FindingGroup::severity).thenComparing(FindingGroup::code));
    return out;
  }

  private static final class Group {
    final RuleInfo rule;
    final Severity severity;
    final List<Finding> examples = new ArrayList<>();
    long count;

    Group(RuleInfo rule, Severity severity) {
      this.rule = rule;
      this.severity = severity;
    }
  }
}
