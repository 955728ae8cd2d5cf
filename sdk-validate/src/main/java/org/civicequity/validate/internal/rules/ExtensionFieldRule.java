package org.civicequity.validate.internal.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/**
 * A row carries an {@code x-} extension field that the manifest does not declare. Keyed by file
 * and field name, so each undeclared field is reported once, where it first appears.
 */
final class ExtensionFieldRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("EXTENSION_FIELD_UNDECLARED", Severity.INFO,
      Layer.SEMANTICS, """
      A field whose name starts with x- is an extension: allowed, and ignored by tools that do
      not know it. Declaring it in the manifest (civicEquity.extensions) tells users what it
      means; until then this is only advice. Reported once per file and field, for
      observation files and for geographies.csv (at its header).""");

  /** At most this many distinct undeclared names are remembered (and reported). */
  static final int MAX_NAMES = 1_000;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Check start(ValidationContext ctx) {
    Set<String> declared = ctx.feed().extensions();
    Set<String> seen = new HashSet<>();
    return new Check() {
      @Override
      public void accept(Observation o, Findings out) {
        Map<String, String> extra = o.extra();
        if (extra.isEmpty()) {
          return;
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
          String name = e.getKey();
          if (name.startsWith("x-") && !declared(name, declared) && seen.size() < MAX_NAMES
              && seen.add(o.location().file() + "\u0000" + name)) {
            out.report(INFO, o.location().field(name), e.getValue(), name);
          }
        }
      }
    };
  }

  private static boolean declared(String field, Set<String> declared) {
    if (declared.contains(field)) {
      return true;
    }
    for (String d : declared) {
      if (field.startsWith(d.endsWith("-") ? d : d + "-")) {
        return true;
      }
    }
    return false;
  }
}
