package org.civicequity.core;

import java.util.List;
import java.util.Map;
import org.civicequity.core.internal.JsonValues;

/**
 * The standard's own members of a manifest (the {@code civicEquity} object).
 *
 * @param standardVersion   the version of the standard the feed follows, MAJOR.MINOR (e.g.
 *                          {@code 1.0}), or null
 * @param publisher         who publishes the feed, or null
 * @param suppressionPolicy the small-cell policy, or null when none is declared
 * @param extensions        the {@code x-} extension fields the feed uses (never null)
 * @param other             {@code x-} members of the object, as plain JSON values (never null)
 */
public record CivicEquityInfo(String standardVersion, Publisher publisher,
    SuppressionPolicy suppressionPolicy, List<String> extensions, Map<String, Object> other) {

  /** Copies the collections. */
  public CivicEquityInfo {
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
    other = JsonValues.copyMap(other);
  }

  /**
   * The major version of {@link #standardVersion()}.
   *
   * @return the major version, or -1 when the version is absent or not MAJOR.MINOR
   */
  public int majorVersion() {
    return versionPart(0);
  }

  /**
   * The minor version of {@link #standardVersion()}.
   *
   * @return the minor version, or -1 when the version is absent or not MAJOR.MINOR
   */
  public int minorVersion() {
    return versionPart(1);
  }

  private int versionPart(int i) {
    if (standardVersion == null || !standardVersion.matches("[0-9]{1,6}\\.[0-9]{1,6}")) {
      return -1;
    }
    return Integer.parseInt(standardVersion.split("\\.")[i]);
  }
}
