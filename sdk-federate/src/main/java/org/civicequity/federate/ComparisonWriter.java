package org.civicequity.federate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civicequity.federate.internal.ComparisonPage;
import org.civicequity.federate.internal.TableExport;
import org.civicequity.federate.internal.TableExport.Column;
import org.civicequity.federate.internal.TableExport.Type;

/**
 * Writes the results of a comparison from the store to files:
 * {@code comparison.csv} (exactly {@link #COMPARISON_COLUMNS}), {@code summary.csv} (exactly
 * {@link #SUMMARY_COLUMNS}), {@code not-compared.csv} and {@code members.csv}; the same four as
 * JSON arrays of objects; and the comparison page {@code index.html}. Rows are sorted, numbers
 * written in their shortest round-trip form, so the same store gives the same files.
 */
public final class ComparisonWriter {
  /** The columns of {@code comparison.csv}, in order. */
  public static final List<String> COMPARISON_COLUMNS = List.of("indicator", "period", "geoLevel",
      "jurisdiction", "geoId", "group", "value", "moe", "referenceGroup", "referenceValue", "ratio",
      "difference", "z", "significant");
  /** The columns of {@code summary.csv}, in order. */
  public static final List<String> SUMMARY_COLUMNS = List.of("indicator", "period", "jurisdiction",
      "indexOfDisparity", "betweenGroupVariance", "theil", "meanLogDeviation", "rank");
  /** The columns of {@code not-compared.csv}, in order. */
  public static final List<String> NOT_COMPARED_COLUMNS = List.of("member", "indicator", "period",
      "geoLevel", "reason", "detail", "rows");
  /** The columns of {@code members.csv}, in order. */
  public static final List<String> MEMBER_COLUMNS = List.of("member", "publisher", "location",
      "status", "reason", "sha256", "standardVersion", "observations", "errors", "warnings");

  private static final List<Column> COMPARISON = columns(COMPARISON_COLUMNS, Type.TEXT, Type.TEXT,
      Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT, Type.NUMBER, Type.NUMBER, Type.TEXT, Type.NUMBER,
      Type.NUMBER, Type.NUMBER, Type.NUMBER, Type.BOOLEAN);
  private static final List<Column> SUMMARY = columns(SUMMARY_COLUMNS, Type.TEXT, Type.TEXT,
      Type.TEXT, Type.NUMBER, Type.NUMBER, Type.NUMBER, Type.NUMBER, Type.INTEGER);
  private static final List<Column> NOT_COMPARED = columns(NOT_COMPARED_COLUMNS, Type.TEXT,
      Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT, Type.INTEGER);
  private static final List<Column> MEMBERS = columns(MEMBER_COLUMNS, Type.TEXT, Type.TEXT,
      Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT, Type.TEXT, Type.INTEGER, Type.INTEGER,
      Type.INTEGER);

  private static final String COMPARISON_SQL = """
      SELECT indicator, period, geoLevel, jurisdiction, geoId, "group", "value", moe,
             referenceGroup, referenceValue, ratio, difference, z, significant
      FROM comparison ORDER BY indicator, period, geoLevel, jurisdiction, geoId, "group\"""";
  private static final String SUMMARY_SQL = """
      SELECT indicator, period, jurisdiction, indexOfDisparity, betweenGroupVariance, theil,
             meanLogDeviation, "rank"
      FROM summary ORDER BY indicator, period, geoLevel, "rank" NULLS LAST, jurisdiction, geoId""";
  private static final String NOT_COMPARED_SQL = """
      SELECT member, indicator, period, geoLevel, reason, detail, "rows"
      FROM not_compared ORDER BY member, indicator, period, geoLevel, reason, detail""";
  private static final String MEMBERS_SQL = """
      SELECT member, publisher, location, status, reason, sha256, standardVersion, observations,
             errors, warnings
      FROM members ORDER BY member""";

  /** An output format. */
  public enum Format {
    /** comparison.csv, summary.csv, not-compared.csv, members.csv. */
    CSV,
    /** comparison.json, summary.json, not-compared.json, members.json. */
    JSON,
    /** index.html. */
    HTML;

    /**
     * Parses a comma-separated list such as {@code csv,html}.
     *
     * @param text the list, case-insensitive
     * @return the formats
     * @throws IllegalArgumentException naming the unknown format
     */
    public static Set<Format> parse(String text) {
      Set<Format> set = EnumSet.noneOf(Format.class);
      for (String part : text.split(",")) {
        String p = part.strip().toUpperCase(Locale.ROOT);
        if (p.isEmpty()) {
          continue;
        }
        try {
          set.add(Format.valueOf(p));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown format '" + part.strip()
              + "', expected csv, json or html");
        }
      }
      if (set.isEmpty()) {
        throw new IllegalArgumentException("no format given, expected csv, json or html");
      }
      return set;
    }
  }

  private ComparisonWriter() {
  }

  /**
   * Writes the chosen formats into a directory (created when absent); each file is written
   * beside its final name and moved into place.
   *
   * @param store     the store, after {@link Comparer#compare}
   * @param dir       the output directory
   * @param formats   what to write
   * @param title     the page title, e.g. the federation's name
   * @param subtitle  one sentence for the page, or null
   * @param dimension the dimension the groups come from (for the page's text)
   * @return the files written
   * @throws FederationException if the store has no comparison or a file cannot be written
   */
  public static List<Path> write(FederationStore store, Path dir, Set<Format> formats,
      String title, String subtitle, String dimension) {
    if (!store.tableExists("comparison") || !store.tableExists("summary")) {
      throw new FederationException("the store " + store + " has no comparison yet: run a"
          + " comparison before writing its results");
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Connection c = store.connection();
      if (formats.contains(Format.CSV)) {
        written.add(csv(c, COMPARISON_SQL, COMPARISON, dir.resolve("comparison.csv")));
        written.add(csv(c, SUMMARY_SQL, SUMMARY, dir.resolve("summary.csv")));
        written.add(csv(c, NOT_COMPARED_SQL, NOT_COMPARED, dir.resolve("not-compared.csv")));
        written.add(csv(c, MEMBERS_SQL, MEMBERS, dir.resolve("members.csv")));
      }
      if (formats.contains(Format.JSON)) {
        written.add(json(c, COMPARISON_SQL, COMPARISON, dir.resolve("comparison.json")));
        written.add(json(c, SUMMARY_SQL, SUMMARY, dir.resolve("summary.json")));
        written.add(json(c, NOT_COMPARED_SQL, NOT_COMPARED, dir.resolve("not-compared.json")));
        written.add(json(c, MEMBERS_SQL, MEMBERS, dir.resolve("members.json")));
      }
      if (formats.contains(Format.HTML)) {
        Path page = dir.resolve("index.html");
        Path tmp = dir.resolve(".index.html.tmp");
        Files.writeString(tmp, ComparisonPage.render(c, title, subtitle, dimension),
            StandardCharsets.UTF_8);
        Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(page);
      }
    } catch (IOException e) {
      throw new FederationException("cannot write the comparison to " + dir + ": "
          + e.getMessage(), e);
    } catch (SQLException e) {
      throw new FederationException("cannot read the comparison from " + store + ": "
          + e.getMessage(), e);
    }
    return written;
  }

  private static Path csv(Connection c, String sql, List<Column> cols, Path file)
      throws SQLException, IOException {
    TableExport.csv(c, sql, cols, file);
    return file;
  }

  private static Path json(Connection c, String sql, List<Column> cols, Path file)
      throws SQLException, IOException {
    TableExport.json(c, sql, cols, file);
    return file;
  }

  private static List<Column> columns(List<String> names, Type... types) {
    if (names.size() != types.length) {
      throw new IllegalStateException("columns and types differ in number");
    }
    List<Column> list = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      list.add(new Column(names.get(i), types[i]));
    }
    return List.copyOf(list);
  }
}
