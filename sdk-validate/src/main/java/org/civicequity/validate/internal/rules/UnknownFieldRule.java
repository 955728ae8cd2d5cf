package org.civicequity.validate.internal.rules;

import java.util.Locale;
import java.util.Map;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** A row has a field the standard does not define and whose name does not start with {@code x-}. */
final class UnknownFieldRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("UNKNOWN_FIELD", Severity.ERROR, Layer.STRUCTURE, """
      A field (a CSV column or JSON member) is not defined by the standard. Extensions are allowed
      only under names that start with x-; check the spelling (field names are lowerCamelCase,
      e.g. geoId, raceEthnicity). In a CSV file the column is reported once, at the header (line
      1), with the standard field it most likely means; in JSON each object is checked.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Map<String, String> extra = o.extra();
    if (extra.isEmpty()) {
      return;
    }
    SourceLocation at = o.location();
    boolean csv = at.file() != null && at.file().toLowerCase(Locale.ROOT).endsWith(".csv");
    for (Map.Entry<String, String> e : extra.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("x-")) {
        continue;
      }
      if (!csv) {
        out.report(INFO, at.field(name), e.getValue(), name);
        continue;
      }
      // every row of a CSV file has the header's columns: reported once, at the header, by
      // whichever row with a value in the column comes first
      if (!CompiledContext.of(ctx).firstHeaderFinding(at.file(), name)) {
        continue;
      }
      SourceLocation header = new SourceLocation(at.file(), 0, 1, name, null);
      String meant = didYouMean(name);
      if (meant != null) {
        out.reportVariant(INFO, "header", header, name, name, meant);
      } else {
        out.reportVariant(INFO, "headerNoGuess", header, name, name);
      }
    }
  }

  /** The standard field a misspelt column name most likely means, or null. */
  static String didYouMean(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "")
        .replace("-", "");
    if (n.isEmpty()) {
      return null;
    }
    for (String f : Observation.FIELDS) {
      if (f.toLowerCase(Locale.ROOT).equals(n)) {
        return f;
      }
    }
    if (n.length() >= 3) {
      for (String f : Observation.FIELDS) {
        String lf = f.toLowerCase(Locale.ROOT);
        if (lf.startsWith(n) || n.startsWith(lf)) {
          return f; // race for raceEthnicity, geo for geoId
        }
      }
    }
    String best = null;
    int bestDistance = Math.max(1, n.length() / 4) + 1;
    for (String f : Observation.FIELDS) {
      int d = distance(n, f.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = f;
      }
    }
    if (best != null) {
      return best;
    }
    return null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
