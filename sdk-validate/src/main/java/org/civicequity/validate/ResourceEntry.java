package org.civicequity.validate;

import java.util.Objects;
import org.civicequity.core.SourceLocation;

/**
 * A resource a feed's manifest lists, with what was found on disk when the feed was opened.
 *
 * @param path          the path as the manifest gives it
 * @param location      where the manifest names it (file {@code datapackage.json} and a JSON pointer)
 * @param declaredBytes the size the manifest declares, or null
 * @param declaredHash  the hash the manifest declares (e.g. {@code sha256:<hex>}), or null
 * @param unsafeReason  why the path is refused (absolute, {@code ..}, a link out of the feed), or
 *                      null when it is safe
 * @param present       true when the file exists in the feed
 * @param actualBytes   the size on disk, or -1 when absent or unsafe
 * @param actualSha256  the SHA-256 of the content in lower-case hex, or null when absent or unsafe
 */
public record ResourceEntry(String path, SourceLocation location, Long declaredBytes,
    String declaredHash, String unsafeReason, boolean present, long actualBytes,
    String actualSha256) {

  /** Checks the required parts. */
  public ResourceEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
  }
}
