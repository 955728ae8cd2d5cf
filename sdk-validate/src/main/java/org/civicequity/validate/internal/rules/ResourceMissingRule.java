package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.Findings;
import org.civicequity.validate.ResourceEntry;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** The manifest lists a resource that is not in the feed. */
final class ResourceMissingRule implements FeedRule {
  static final RuleInfo INFO = RuleInfo.of("RESOURCE_MISSING", Severity.ERROR, Layer.SEMANTICS,
      """
      A file the manifest lists (or a file every feed needs: datapackage.json, indicators.json,
      observations.csv or observations.ndjson) is not in the feed. Paths are relative to the
      feed's folder and case-sensitive.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("there is no manifest that lists resources (a bare observations file, or observations in memory)");
  }

  @Override
  public void check(ValidationContext ctx, Findings out) {
    for (ResourceEntry r : ctx.feed().resources()) {
      if (r.unsafeReason() == null && !r.present()) {
        out.report(INFO, r.location(), r.path(), r.path());
      }
    }
  }
}
