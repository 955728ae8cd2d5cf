package org.civicequity.publish.internal;

/**
 * A file written into a feed, with what the manifest says about it.
 *
 * @param path   the path inside the feed
 * @param bytes  its size
 * @param sha256 its SHA-256, lower-case hex
 * @param rows   data rows (observations, geographies, indicators), or -1
 */
public record WrittenFile(String path, long bytes, String sha256, long rows) {

  /** @return {@code sha256:<hex>} as the manifest writes it */
  public String hash() {
    return "sha256:" + sha256;
  }
}
