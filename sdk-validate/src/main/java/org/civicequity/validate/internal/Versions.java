package org.civicequity.validate.internal;

/** Names and versions written into reports. */
public final class Versions {
  /** The validator's name. */
  public static final String NAME = "civic-equity";
  /** The version of the standard this validator implements. */
  public static final String STANDARD = "1.0";
  /** The minor versions of major version 1 this validator knows. */
  public static final int KNOWN_MINOR = 0;

  private static final String VALIDATOR = read();

  private Versions() {
  }

  /**
   * The validator's version, from the jar manifest (or the build's version file when run from
   * classes).
   *
   * @return the version
   */
  public static String validator() {
    return VALIDATOR;
  }

  private static String read() {
    String v = Versions.class.getPackage().getImplementationVersion();
    if (v != null) {
      return v;
    }
    try (var in = Versions.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String pv = p.getProperty("version");
        if (pv != null && !pv.startsWith("$")) {
          return pv;
        }
      }
    } catch (java.io.IOException e) {
      // fall through to the default: a version is informative only
    }
    return "1.0.0-SNAPSHOT";
  }
}
