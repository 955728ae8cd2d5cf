package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.Findings;
import org.civicequity.validate.ResourceEntry;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A resource path points outside the feed (absolute, {@code ..}, a URL, or a link out). */
final class ResourcePathRule implements FeedRule {
  static final RuleInfo INFO = RuleInfo.of("RESOURCE_PATH_UNSAFE", Severity.ERROR,
      Layer.SEMANTICS, """
      A resource path must be relative and stay inside the feed: no absolute paths, no ..
      segments, no URLs, no backslashes, and no symbolic links that lead out of the folder. A
      manifest naming anything else could make tools read or overwrite files elsewhere on the
      user's machine, so the file is not read.""");

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
      if (r.unsafeReason() != null) {
        out.report(INFO, r.location(), r.path(), r.path(), r.unsafeReason());
      }
    }
  }
}
