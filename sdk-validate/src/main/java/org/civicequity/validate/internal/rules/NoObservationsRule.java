package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.ResourceEntry;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A feed whose observation files hold no row at all. */
final class NoObservationsRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("NO_OBSERVATIONS", Severity.ERROR, Layer.SEMANTICS, """
      The feed's observation files hold no row at all (a header and nothing else, or an empty
      NDJSON file): a file cut short, an export or a query that failed, or rows written to
      another file. A feed publishes at least one observation. Not checked for a bare
      observations file, which may be empty, nor when a syntax error already skipped rows.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("a bare observations file (or observations in memory without a manifest) may be empty");
  }

  @Override
  public Check start(ValidationContext ctx) {
    return new Check() {
      private long rows;

      @Override
      public void accept(Observation o, Findings out) {
        rows++;
      }

      @Override
      public void finish(Findings out) {
        if (rows == 0) {
          String file = "observations.csv";
          for (ResourceEntry r : ctx.feed().resources()) {
            String p = r.location().pointer();
            String name = r.path().substring(r.path().lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            if (r.present() && name.startsWith("observations") && (p == null || !p.contains("/x-alternatives/"))) {
              file = r.path();
              break;
            }
          }
          out.report(INFO, SourceLocation.ofFile(file), null, file);
        }
      }
    };
  }
}
