package org.civicequity.publish.internal;

import java.util.Optional;

/**
 * The version of a feed published with a previous version (semver for data):
 *
 * <ul>
 *   <li>the source states no version: the previous version bumped by the kind of change
 *       ({@link Changes#bump(Changes.Diff)}); when the previous version is not a semantic version
 *       (or absent, e.g. the issue date an earlier publish wrote), the feed starts at 1.0.0;</li>
 *   <li>the source states a semantic version higher than the previous (SemVer precedence): it is
 *       kept, whatever the changes call for; a previous version that is not a semantic version
 *       counts as lower than any;</li>
 *   <li>the source states a version that is not higher than the previous, or that is not a
 *       semantic version: refused.</li>
 * </ul>
 */
public final class Versioning {
  /** The first version of a feed whose previous version is not a semantic version. */
  public static final String FIRST = "1.0.0";

  private Versioning() {
  }

  /**
   * The version decided.
   *
   * @param previousVersion the previous feed's version, or null
   * @param version         the new version
   * @param bump            the kind of change: {@code major}, {@code minor} or {@code patch}
   * @param reason          why, one short sentence
   */
  public record Decision(String previousVersion, String version, String bump, String reason) {
  }

  /** The source's version cannot be used; the message is one line naming both versions. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Decides the new version.
   *
   * @param previous the previous feed's version, or null
   * @param stated   the version the source folder states, or null
   * @param bump     the kind of change and what made it so
   * @return the decision
   * @throws Refused if the stated version is not a semantic version or not higher than the previous
   */
  public static Decision decide(String previous, String stated, Changes.Bump bump) throws Refused {
    Optional<SemVer> prev = SemVer.parse(previous);
    String because = bump.kind() + " bump (" + bump.reason() + ")";
    String call = "a " + bump.kind() + " bump: " + bump.reason();
    String derived = prev.map(p -> p.next(bump.kind()).toString()).orElse(FIRST);
    if (stated != null) {
      Optional<SemVer> s = SemVer.parse(stated);
      if (s.isEmpty()) {
        throw new Refused("the source states version '" + stated + "', which is not a semantic version "
            + "(MAJOR.MINOR.PATCH) and cannot be compared with the previous feed's " + quoted(previous)
            + "; state one, or remove `version` from datapackage.json to get " + derived + " (" + call + ")");
      }
      if (prev.isPresent() && s.get().compareTo(prev.get()) <= 0) {
        throw new Refused("the source states version " + stated + ", which is not higher than the previous feed's "
            + previous + "; raise it, or remove `version` from datapackage.json to get " + derived + " (" + call
            + ")");
      }
      String than = prev.isPresent() ? "higher than the previous " + previous
          : "and the previous " + quoted(previous) + " is not a semantic version";
      return new Decision(previous, stated, bump.kind(), "Version " + stated + " as the source states, " + than
          + "; the changes call for a " + because + ".");
    }
    if (prev.isEmpty()) {
      return new Decision(previous, FIRST, bump.kind(), "The previous version " + quoted(previous)
          + " is not a semantic version, so this feed starts at " + FIRST + "; the changes call for a " + because
          + ".");
    }
    return new Decision(previous, derived, bump.kind(), capitalized(bump.reason()) + ".");
  }

  private static String quoted(String v) {
    return v == null ? "(none)" : "'" + v + "'";
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
