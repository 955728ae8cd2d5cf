package org.civicequity.federate;

import java.util.Objects;

/**
 * One member of a federation: a publisher and where its feed is.
 *
 * @param id        the member id, unique in the federation (lower-kebab-case)
 * @param publisher the publisher's name, or null to take it from the feed's manifest
 * @param location  an http(s) URL of a feed directory, {@code datapackage.json} or {@code .zip},
 *                  or a local path (relative paths in a registry are resolved against the
 *                  registry's directory by {@link FederationReader})
 * @param sha256    the expected SHA-256 of the feed file (the .zip, or the datapackage.json of a
 *                  directory) in lower-case hex, or null when not checked
 */
public record Member(String id, String publisher, String location, String sha256) {

  /** Checks the required parts and normalises the hash. */
  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
    if (sha256 != null) {
      String h = sha256.strip().toLowerCase(java.util.Locale.ROOT);
      if (h.startsWith("sha256:")) {
        h = h.substring("sha256:".length());
      }
      if (!h.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("member " + id
            + ": sha256 must be 64 hex digits, found '" + sha256 + "'");
      }
      sha256 = h;
    }
  }

  /**
   * Whether the location is an http(s) URL.
   *
   * @return true for {@code http://} and {@code https://} locations
   */
  public boolean remote() {
    String l = location.toLowerCase(java.util.Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }
}
