package org.civicequity.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rules file: one setting a line, {@code CODE=off}, {@code CODE=warning},
 * {@code CODE=error}, {@code CODE=info} or {@code CODE=on}; {@code #} starts a comment; blank
 * lines are ignored. ({@code :} may be used instead of {@code =}.)
 */
public final class RuleSettings {
  private RuleSettings() {
  }

  /**
   * Reads and checks a rules file.
   *
   * @param file the file
   * @return the settings by code, in file order
   * @throws IOException              if the file cannot be read
   * @throws IllegalArgumentException if a line is malformed or names an unknown code; the
   *                                  message names the file and line
   */
  public static Map<String, RuleSetting> read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses the lines of a rules file.
   *
   * @param name  the file name, for messages
   * @param lines the lines
   * @return the settings by code, in order
   * @throws IllegalArgumentException if a line is malformed or names an unknown code
   */
  public static Map<String, RuleSetting> parse(String name, List<String> lines) {
    Map<String, RuleSetting> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (i == 0 && t.startsWith("\uFEFF")) {
        t = t.substring(1).strip();
      }
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq < 0) {
        eq = t.indexOf(':');
      }
      String where = name + ":" + (i + 1) + ": ";
      if (eq < 0) {
        throw new IllegalArgumentException(where + "expected CODE=off|on|error|warning|info, found '"
            + t + "'");
      }
      String code = t.substring(0, eq).strip();
      if (!RuleCatalogue.isKnown(code)) {
        throw new IllegalArgumentException(where + "unknown rule code '" + code
            + "'; run 'civic-equity rules' for the list");
      }
      try {
        out.put(code, RuleSetting.parse(t.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
    return out;
  }
}
