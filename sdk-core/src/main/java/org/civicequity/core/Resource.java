package org.civicequity.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicequity.core.internal.JsonValues;

/**
 * A file of a feed as the manifest lists it (a Frictionless Data Resource).
 *
 * @param name        the resource name, e.g. {@code observations}
 * @param path        the path relative to the feed, e.g. {@code observations.csv}; null when
 *                    the manifest gives none (or not as text)
 * @param type        {@code table} for tabular resources, or null
 * @param title       a human title, or null
 * @param description what the resource holds, or null
 * @param format      the format, e.g. {@code csv}, or null
 * @param mediatype   the media type, e.g. {@code text/csv}, or null
 * @param encoding    the character encoding, e.g. {@code utf-8}, or null
 * @param bytes       the declared size in bytes, or null
 * @param hash        the declared hash, {@code sha256:<hex>}, or null
 * @param schema      the Table Schema of a tabular resource, or null
 * @param dialect     the CSV dialect as plain JSON values (never null; empty = defaults)
 * @param licenses    licences of this resource when they differ from the feed's (never null)
 * @param sources     raw sources of this resource (never null)
 * @param other       {@code x-} and other members not modelled here, as plain JSON values
 *                    (never null)
 * @param location    where the resource is declared (the manifest, its pointer and line)
 */
public record Resource(String name, String path, String type, String title, String description,
    String format, String mediatype, String encoding, Long bytes, String hash, TableSchema schema,
    Map<String, Object> dialect, List<License> licenses, List<PackageSource> sources,
    Map<String, Object> other, SourceLocation location) {

  /** Copies the collections and checks the location. */
  public Resource {
    dialect = JsonValues.copyMap(dialect);
    licenses = licenses == null ? List.of() : List.copyOf(licenses);
    sources = sources == null ? List.of() : List.copyOf(sources);
    other = JsonValues.copyMap(other);
    Objects.requireNonNull(location, "location");
  }

  /**
   * A minimal resource, as a publisher writes one before checksums are known.
   *
   * @param name   the resource name
   * @param path   the path in the feed
   * @param format the format, e.g. {@code csv}
   * @return the resource
   */
  public static Resource of(String name, String path, String format) {
    return new Resource(name, path, null, null, null, format, null, null, null, null, null,
        Map.of(), List.of(), List.of(), Map.of(), SourceLocation.ofFile("datapackage.json"));
  }

  /**
   * The declared SHA-256.
   *
   * @return the 64 lower-case hex digits of a {@code sha256:} hash, or null when the hash is
   *         absent or not of that form
   */
  public String sha256() {
    if (hash == null || !hash.matches("sha256:[0-9a-f]{64}")) {
      return null;
    }
    return hash.substring("sha256:".length());
  }

  /**
   * The same resource with a size and hash (as a publisher sets them).
   *
   * @param size      the size in bytes
   * @param sha256Hex the 64 lower-case hex digits of the SHA-256
   * @return a new resource
   */
  public Resource withChecksum(long size, String sha256Hex) {
    return new Resource(name, path, type, title, description, format, mediatype, encoding, size,
        "sha256:" + sha256Hex, schema, dialect, licenses, sources, other, location);
  }
}
