package org.civicequity.core.io.internal;

import java.util.regex.Pattern;
import org.civicequity.core.StandardSchemas;
import org.civicequity.core.io.FeedException;

/**
 * The rule for paths inside a feed: relative POSIX paths with no {@code .} or {@code ..}
 * segment, no empty segment, no leading {@code /}, {@code .} or {@code ~}, no scheme or drive
 * (no colon), no backslash and no control character. The pattern is read from the manifest
 * schema ({@code $defs/resource/properties/path/pattern} of {@code datapackage.schema.json}) so
 * the feed opener and the schema agree; the checks below only explain a refusal.
 */
public final class FeedPaths {
  private static final String POINTER = "/$defs/resource/properties/path/pattern";

  private FeedPaths() {
  }

  private static final class Rule {
    static final Pattern PATTERN = load();

    private static Pattern load() {
      String p = StandardSchemas.get().document("datapackage.schema.json").at(POINTER)
          .asString(null);
      if (p == null) {
        throw new IllegalStateException("datapackage.schema.json has no resource path pattern at "
            + POINTER);
      }
      return Pattern.compile(p);
    }
  }

  /**
   * Checks a path.
   *
   * @param path a path as a manifest names it
   * @return the path
   * @throws FeedException ({@link FeedException.Reason#UNSAFE_PATH}) when it is not a safe
   *                       relative path inside the feed
   */
  public static String check(String path) throws FeedException {
    String why = problem(path);
    if (why != null) {
      throw new FeedException(path == null ? "(no path)" : path,
          FeedException.Reason.UNSAFE_PATH, why);
    }
    return path;
  }

  /**
   * Why a path is not safe.
   *
   * @param path a path
   * @return a reason for people, or null when the path is safe
   */
  public static String problem(String path) {
    if (path == null || path.isEmpty()) {
      return "a resource path is missing or empty";
    }
    if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return "a URL or drive-letter path is not a file inside the feed; resources must be "
          + "relative paths such as observations.csv";
    }
    if (path.startsWith("/") || path.startsWith("\\")) {
      return "an absolute path leaves the feed; use a path relative to the feed directory";
    }
    for (String seg : path.split("/", -1)) {
      if (seg.equals("..")) {
        return "a '..' segment leaves the feed directory";
      }
    }
    if (path.contains("\\")) {
      return "a backslash is not a path separator in a feed; use '/'";
    }
    if (!Rule.PATTERN.matcher(path).find()) {
      return "the path is not a plain relative path inside the feed (no leading '.', '/' or "
          + "'~', no '.' or empty segment, no ':', '*', '?', '\"', '<', '>', '|' or control "
          + "characters)";
    }
    return null;
  }
}
