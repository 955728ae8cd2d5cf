package org.civicequity.validate.internal.rules;

import java.util.Locale;
import java.util.Optional;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.Findings;
import org.civicequity.validate.ResourceEntry;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A resource's content does not match the hash or size its manifest entry declares. */
final class ResourceChecksumRule implements FeedRule {
  static final RuleInfo INFO = RuleInfo.of("RESOURCE_CHECKSUM_MISMATCH", Severity.ERROR,
      Layer.SEMANTICS, """
      A resource's SHA-256 hash (hash, written sha256:<hex>) or size (bytes) differs from what
      the manifest declares: the file changed after the manifest was written, or it was damaged
      in transit. The other encodings a resource lists in x-alternatives (the NDJSON copy of the
      observations) are checked the same way. Publish the feed again (civic-equity publish writes both), or correct the
      manifest if the change was intended.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("there is no manifest that declares checksums (a bare observations file, or observations in memory)");
  }

  @Override
  public void check(ValidationContext ctx, Findings out) {
    for (ResourceEntry r : ctx.feed().resources()) {
      if (!r.present() || r.unsafeReason() != null) {
        continue;
      }
      String hash = r.declaredHash();
      if (hash != null && r.actualSha256() != null) {
        String h = hash.strip().toLowerCase(Locale.ROOT);
        String hex = h.startsWith("sha256:") ? h.substring(7) : h;
        if (!hex.equals(r.actualSha256())) {
          out.report(INFO, at(r, "hash"), hash, r.path(), "hash",
              hash, "sha256:" + r.actualSha256());
          continue;
        }
      }
      Long bytes = r.declaredBytes();
      if (bytes != null && r.actualBytes() >= 0 && bytes != r.actualBytes()) {
        out.report(INFO, at(r, "bytes"), bytes.toString(),
            r.path(), "bytes", bytes, r.actualBytes());
      }
    }
  }

  private static org.civicequity.core.SourceLocation at(ResourceEntry r, String member) {
    org.civicequity.core.SourceLocation l = r.location();
    return new org.civicequity.core.SourceLocation(l.file(), l.row(), l.line(), member,
        pointer(r, member));
  }

  private static String pointer(ResourceEntry r, String member) {
    String p = r.location().pointer();
    if (p == null) {
      return null;
    }
    int slash = p.lastIndexOf('/');
    return (p.endsWith("/path") && slash >= 0 ? p.substring(0, slash) : p) + "/" + member;
  }
}
