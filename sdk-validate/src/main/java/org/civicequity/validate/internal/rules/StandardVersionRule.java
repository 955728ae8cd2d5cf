package org.civicequity.validate.internal.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.Versions;

/** The manifest declares a version of the standard this validator does not implement. */
final class StandardVersionRule implements FeedRule {
  static final RuleInfo INFO = RuleInfo.of("UNSUPPORTED_STANDARD_VERSION", Severity.ERROR,
      Layer.SEMANTICS, """
      The manifest's civicEquity.standardVersion must be a version this validator implements:
      the same major version (1) and a minor version it knows (semantic versioning: 1.0, or
      1.0.x). A newer minor version needs a newer validator; another major version is a
      different standard.""");

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("there is no manifest that declares a version (a bare observations file, or observations in memory)");
  }

  @Override
  public void check(ValidationContext ctx, Findings out) {
    String v = ctx.feed().standardVersion();
    if (v == null) {
      return; // the manifest schema reports the missing member
    }
    SourceLocation at = new SourceLocation("datapackage.json", 0, 0, "standardVersion",
        "/civicEquity/standardVersion");
    Matcher m = VERSION.matcher(v.strip());
    if (!m.matches()) {
      out.reportVariant(INFO, "malformed", at, v, v);
      return;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major != 1 || minor > Versions.KNOWN_MINOR) {
      out.report(INFO, at, v, v, Versions.STANDARD);
    }
  }
}
