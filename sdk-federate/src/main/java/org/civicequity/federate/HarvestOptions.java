package org.civicequity.federate;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and policies of a harvest. Network limits apply to http(s) members only.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    how long to wait for a response's headers, and the longest pause
 *                       between two pieces of its body
 * @param memberTimeout  the longest time one member's download may take in all
 * @param maxBytes       the most bytes downloaded for one member (all its files together)
 * @param maxRedirects   the most redirects followed per file (only to http or https, never from
 *                       https down to http)
 * @param acceptInvalid  load members whose validation found errors (they are skipped otherwise)
 */
public record HarvestOptions(Duration connectTimeout, Duration readTimeout, Duration memberTimeout,
    long maxBytes, int maxRedirects, boolean acceptInvalid) {

  /** Checks the limits. */
  public HarvestOptions {
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    positive(memberTimeout, "memberTimeout");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, found " + maxBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must be >= 0, found " + maxRedirects);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, found " + d);
    }
  }

  /**
   * Connect 10 s, read 30 s, 10 min per member, 1 GiB per member, 5 redirects, invalid members
   * skipped.
   *
   * @return the default options
   */
  public static HarvestOptions defaults() {
    return new HarvestOptions(Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(10), 1L << 30, 5, false);
  }

  /**
   * The same options with other timeouts.
   *
   * @param connect the connect timeout
   * @param read    the read timeout
   * @param member  the per-member timeout
   * @return new options
   */
  public HarvestOptions withTimeouts(Duration connect, Duration read, Duration member) {
    return new HarvestOptions(connect, read, member, maxBytes, maxRedirects, acceptInvalid);
  }

  /**
   * The same options with another byte cap.
   *
   * @param bytes the most bytes per member
   * @return new options
   */
  public HarvestOptions withMaxBytes(long bytes) {
    return new HarvestOptions(connectTimeout, readTimeout, memberTimeout, bytes, maxRedirects,
        acceptInvalid);
  }

  /**
   * The same options, loading or skipping members with validation errors.
   *
   * @param accept true to load invalid members too
   * @return new options
   */
  public HarvestOptions withAcceptInvalid(boolean accept) {
    return new HarvestOptions(connectTimeout, readTimeout, memberTimeout, maxBytes, maxRedirects,
        accept);
  }
}
