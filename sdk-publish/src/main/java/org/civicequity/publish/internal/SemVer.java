package org.civicequity.publish.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (<a href="https://semver.org/spec/v2.0.0.html">SemVer 2.0.0</a>):
 * {@code MAJOR.MINOR.PATCH}, an optional pre-release ({@code -rc.1}) and optional build metadata
 * ({@code +20240501}). Ordered by SemVer precedence (build metadata ignored).
 *
 * @param major      the major version
 * @param minor      the minor version
 * @param patch      the patch version
 * @param preRelease the pre-release identifiers joined by dots, or null
 * @param build      the build metadata, or null
 */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, String preRelease, String build)
    implements Comparable<SemVer> {

  /** The regular expression suggested by the SemVer 2.0.0 specification. */
  private static final Pattern SEMVER = Pattern.compile(
      "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  /**
   * Parses a version.
   *
   * @param text the text, or null
   * @return the version, or empty when the text is not a semantic version
   */
  public static Optional<SemVer> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
        m.group(4), m.group(5)));
  }

  /**
   * The next version for a kind of change, as npm's {@code semver.inc} does: a release version
   * increments the part and zeroes those after it (1.4.2 → 2.0.0, 1.5.0, 1.4.3); a pre-release
   * that already is of that kind is released (2.0.0-rc.1 major → 2.0.0, 1.5.0-rc.1 minor → 1.5.0,
   * 1.4.3-rc.1 patch → 1.4.3). Build metadata is dropped.
   *
   * @param kind {@code major}, {@code minor} or {@code patch}
   * @return the next version
   */
  public SemVer next(String kind) {
    boolean pre = preRelease != null;
    BigInteger one = BigInteger.ONE;
    BigInteger zero = BigInteger.ZERO;
    return switch (kind) {
      case "major" -> pre && minor.signum() == 0 && patch.signum() == 0
          ? new SemVer(major, zero, zero, null, null) : new SemVer(major.add(one), zero, zero, null, null);
      case "minor" -> pre && patch.signum() == 0
          ? new SemVer(major, minor, zero, null, null) : new SemVer(major, minor.add(one), zero, null, null);
      case "patch" -> pre ? new SemVer(major, minor, patch, null, null) : new SemVer(major, minor, patch.add(one), null,
          null);
      default -> throw new IllegalArgumentException("unknown kind of change: " + kind);
    };
  }

  /** Compares by SemVer precedence: build metadata does not count. */
  @Override
  public int compareTo(SemVer o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (preRelease == null || o.preRelease == null) {
      // a release is higher than its pre-releases
      return preRelease == null ? (o.preRelease == null ? 0 : 1) : -1;
    }
    List<String> a = List.of(preRelease.split("\\."));
    List<String> b = List.of(o.preRelease.split("\\."));
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean nx = x.chars().allMatch(Character::isDigit);
      boolean ny = y.chars().allMatch(Character::isDigit);
      if (nx && ny) {
        c = new BigInteger(x).compareTo(new BigInteger(y));
      } else if (nx || ny) {
        // numeric identifiers are lower than alphanumeric ones
        c = nx ? -1 : 1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** @return the version as text */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease)
        + (build == null ? "" : "+" + build);
  }
}
