package org.civicequity.federate.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison page ({@code index.html}): one static, self-contained HTML document (no script,
 * no external resource, inline CSS and SVG), every value escaped, readable without colour
 * (reference groups and significant differences are written out, not only coloured), with a
 * title and description on every chart and the numbers in tables beside them.
 *
 * <p>Large federations are summarised: at most {@link #MAX_SECTIONS} indicator sections,
 * {@link #MAX_RANKED} ranked jurisdictions and {@link #MAX_CHARTS} group charts per section;
 * the page says what it left out, and the CSV/JSON files have everything.
 */
public final class ComparisonPage {
  /** Most indicator/period/level sections on the page. */
  public static final int MAX_SECTIONS = 60;
  /** Most jurisdictions in a section's ranking table and chart. */
  public static final int MAX_RANKED = 40;
  /** Most jurisdictions with a group chart per section. */
  public static final int MAX_CHARTS = 12;
  /** Most rows of the not-compared table. */
  public static final int MAX_NOT_COMPARED = 100;

  private static final int WIDTH = 680;
  private static final int LABEL = 210;
  private static final int VALUE_TEXT = 170;
  private static final int ROW = 24;

  private static final String SEP = "\u001f";

  private final Connection c;
  private String dimension;
  private final StringBuilder out = new StringBuilder(1 << 16);
  private final Map<String, List<Ranked>> rankedByBucket = new LinkedHashMap<>();
  private final Map<String, List<GroupRow>> groupsByJurisdiction = new LinkedHashMap<>();
  private final Map<String, double[]> ranges = new LinkedHashMap<>();
  private int ids;

  private ComparisonPage(Connection c) {
    this.c = c;
  }

  /**
   * Renders the page from the store's comparison tables.
   *
   * @param c         a connection to the store
   * @param title     the page title (the federation's name)
   * @param subtitle  one sentence under the title (may be null)
   * @param dimension the dimension compared, e.g. {@code raceEthnicity}
   * @return the HTML document
   * @throws SQLException if the store cannot be read
   */
  public static String render(Connection c, String title, String subtitle, String dimension)
      throws SQLException {
    return new ComparisonPage(c).page(title, subtitle, dimension);
  }

  private record Bucket(String indicator, String name, String unit, String polarity, String period,
      String geoLevel, long jurisdictions, String id) {
  }

  private String page(String title, String subtitle, String dimension) throws SQLException {
    this.dimension = dimension;
    List<Bucket> buckets = buckets();
    prefetch();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append(" — comparison</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#main\">Skip to the comparison</a>\n")
        .append("<header>\n<h1 id=\"page-title\">").append(esc(title)).append("</h1>\n");
    if (subtitle != null) {
      out.append("<p>").append(esc(subtitle)).append("</p>\n");
    }
    out.append("<p>Groups are the codes of <code>").append(esc(dimension))
        .append("</code>. Each jurisdiction's groups are compared with a reference group (the")
        .append(" best group given the indicator's polarity, unless one was requested); a")
        .append(" difference is <strong>significant</strong> when the Census Bureau's test")
        .append(" (|Z| above the critical value of the margins' confidence level) says so.")
        .append(" Jurisdictions are ranked by Index of Disparity, 1 = smallest.</p>\n")
        .append("</header>\n<main id=\"main\">\n");
    if (!buckets.isEmpty()) {
      out.append("<nav aria-label=\"Indicators compared\">\n<h2>Indicators compared</h2>\n<ul>\n");
      for (Bucket b : buckets.subList(0, Math.min(buckets.size(), MAX_SECTIONS))) {
        out.append("<li><a href=\"#").append(b.id).append("\">").append(esc(b.name))
            .append(" — ").append(esc(b.period)).append(", ").append(esc(b.geoLevel))
            .append(" (").append(b.jurisdictions).append(" jurisdictions)</a></li>\n");
      }
      out.append("</ul>\n");
      if (buckets.size() > MAX_SECTIONS) {
        out.append("<p>").append(buckets.size() - MAX_SECTIONS)
            .append(" more indicator sections are in comparison.csv and summary.csv.</p>\n");
      }
      out.append("</nav>\n");
    } else {
      out.append("<p id=\"nothing-compared\">Nothing could be compared: see the members and the")
          .append(" reasons below.</p>\n");
    }
    members();
    for (Bucket b : buckets.subList(0, Math.min(buckets.size(), MAX_SECTIONS))) {
      section(b);
    }
    notCompared();
    out.append("</main>\n<footer>\n<h2>Method</h2>\n<ul>\n")
        .append("<li>Rate ratio r/r<sub>ref</sub>; rate difference r − r<sub>ref</sub>.</li>\n")
        .append("<li>Z = (r − r<sub>ref</sub>) / √(SE² + SE<sub>ref</sub>²), SE = MOE / critical")
        .append(" value (1.645 at 90%).</li>\n")
        .append("<li>Index of Disparity 100·Σp<sub>j</sub>|r<sub>j</sub> − r<sub>ref</sub>|/r<sub>ref</sub>;")
        .append(" Between-Group Variance Σp<sub>j</sub>(r<sub>j</sub> − μ)²; Theil")
        .append(" Σp<sub>j</sub>(r<sub>j</sub>/μ)ln(r<sub>j</sub>/μ); Mean Log Deviation")
        .append(" Σp<sub>j</sub>ln(μ/r<sub>j</sub>); p<sub>j</sub> is a group's population share when")
        .append(" every group has a denominator, else 1/J.</li>\n")
        .append("</ul>\n<p>Made by civic-equity compare. The full results are in comparison.csv,")
        .append(" summary.csv and their JSON twins.</p>\n</footer>\n</body>\n</html>\n");
    return out.toString();
  }

  private List<Bucket> buckets() throws SQLException {
    List<Bucket> list = new ArrayList<>();
    String sql = """
        SELECT s.indicator, COALESCE(k.name, s.indicator), COALESCE(k.unit, ''),
               COALESCE(k.polarity, ''), s.period, s.geoLevel, count(*)
        FROM summary s LEFT JOIN catalogue k ON k.id = s.indicator
        GROUP BY ALL ORDER BY s.indicator, s.period, s.geoLevel""";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        list.add(new Bucket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), "s" + (list.size() + 1)));
      }
    }
    return list;
  }

  private static String key(Bucket b) {
    return b.indicator + SEP + b.period + SEP + b.geoLevel;
  }

  /**
   * Reads what the page shows in three queries (not one per chart): the ranked jurisdictions of
   * the first sections, the group rows of the charted ones, and each section's value range.
   */
  private void prefetch() throws SQLException {
    String ranked = """
        WITH b AS (SELECT indicator, period, geoLevel,
                          row_number() OVER (ORDER BY indicator, period, geoLevel) AS bn
                   FROM (SELECT DISTINCT indicator, period, geoLevel FROM summary)),
        r AS (SELECT s.*, row_number() OVER (PARTITION BY s.indicator, s.period, s.geoLevel
                                             ORDER BY s."rank" NULLS LAST, s.jurisdiction, s.geoId) AS rn
              FROM summary s JOIN b USING (indicator, period, geoLevel) WHERE b.bn <= %d)
        """.formatted(MAX_SECTIONS);
    String sql = ranked + """
        SELECT indicator, period, geoLevel, jurisdiction, geoId, member, "rank", referenceGroup,
               indexOfDisparity, betweenGroupVariance, theil, meanLogDeviation, weighted
        FROM r WHERE rn <= %d ORDER BY indicator, period, geoLevel, rn""".formatted(MAX_RANKED);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String k = rs.getString(1) + SEP + rs.getString(2) + SEP + rs.getString(3);
        rankedByBucket.computeIfAbsent(k, x -> new ArrayList<>()).add(new Ranked(rs.getString(4),
            rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getString(8),
            dbl(rs, 9), dbl(rs, 10), dbl(rs, 11), dbl(rs, 12), rs.getBoolean(13)));
      }
    }
    sql = ranked + """
        SELECT c.indicator, c.period, c.geoLevel, c.member, c.geoId, c."group", c."value", c.moe,
               c.referenceGroup, c.ratio, c.difference, c.z, c.significant
        FROM comparison c JOIN (SELECT * FROM r WHERE rn <= %d) t
          ON t.indicator = c.indicator AND t.period = c.period AND t.geoLevel = c.geoLevel
         AND t.member = c.member AND t.geoId = c.geoId
        ORDER BY c.indicator, c.period, c.geoLevel, t.rn, c."group"
        """.formatted(MAX_CHARTS);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String k = rs.getString(1) + SEP + rs.getString(2) + SEP + rs.getString(3) + SEP
            + rs.getString(4) + SEP + rs.getString(5);
        groupsByJurisdiction.computeIfAbsent(k, x -> new ArrayList<>()).add(new GroupRow(
            rs.getString(6), rs.getDouble(7), dbl(rs, 8), rs.getString(9), dbl(rs, 10),
            dbl(rs, 11), dbl(rs, 12), (Boolean) rs.getObject(13)));
      }
    }
    sql = """
        SELECT indicator, period, geoLevel, min("value" - COALESCE(moe, 0)),
               max("value" + COALESCE(moe, 0))
        FROM comparison GROUP BY indicator, period, geoLevel""";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ranges.put(rs.getString(1) + SEP + rs.getString(2) + SEP + rs.getString(3),
            new double[] {rs.getDouble(4), rs.getDouble(5)});
      }
    }
  }

  private void members() throws SQLException {
    out.append("<section id=\"members\" aria-labelledby=\"members-h\">\n")
        .append("<h2 id=\"members-h\">Members</h2>\n<table>\n<caption>Harvest of each member")
        .append(" feed</caption>\n<thead><tr><th scope=\"col\">Member</th><th scope=\"col\">Publisher</th>")
        .append("<th scope=\"col\">Status</th><th scope=\"col\">Observations</th>")
        .append("<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th>")
        .append("<th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
    String sql = "SELECT member, publisher, status, observations, errors, warnings, reason"
        + " FROM members ORDER BY member";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        boolean skipped = "skipped".equals(rs.getString(3));
        out.append("<tr").append(skipped ? " class=\"skipped\"" : "").append("><th scope=\"row\">")
            .append(esc(rs.getString(1))).append("</th><td>").append(esc(rs.getString(2)))
            .append("</td><td>").append(esc(rs.getString(3))).append("</td><td class=\"num\">")
            .append(rs.getLong(4)).append("</td><td class=\"num\">").append(rs.getLong(5))
            .append("</td><td class=\"num\">").append(rs.getLong(6)).append("</td><td>")
            .append(esc(rs.getString(7))).append("</td></tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private record Ranked(String jurisdiction, String geoId, String member, Integer rank,
      String reference, Double id, Double bgv, Double theil, Double mld, boolean weighted) {
  }

  private void section(Bucket b) throws SQLException {
    out.append("<section id=\"").append(b.id).append("\" aria-labelledby=\"").append(b.id)
        .append("-h\">\n<h2 id=\"").append(b.id).append("-h\">").append(esc(b.name))
        .append(" — ").append(esc(b.period)).append(", ").append(esc(b.geoLevel)).append("</h2>\n")
        .append("<p class=\"meta\">Indicator <code>").append(esc(b.indicator)).append("</code>")
        .append(b.unit.isEmpty() ? "" : ", unit " + esc(b.unit))
        .append(b.polarity.isEmpty() ? "" : ", " + esc(b.polarity)).append(". ")
        .append(b.jurisdictions).append(" jurisdictions.</p>\n");
    List<Ranked> ranked = rankedByBucket.getOrDefault(key(b), List.of());
    disparityChart(b, ranked);
    out.append("<table>\n<caption>Disparity measures by jurisdiction");
    if (b.jurisdictions > ranked.size()) {
      out.append(" (the first ").append(ranked.size()).append(" of ").append(b.jurisdictions)
          .append("; all are in summary.csv)");
    }
    out.append("</caption>\n<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Jurisdiction</th>")
        .append("<th scope=\"col\">Reference group</th><th scope=\"col\">Index of Disparity</th>")
        .append("<th scope=\"col\">Between-Group Variance</th><th scope=\"col\">Theil</th>")
        .append("<th scope=\"col\">Mean Log Deviation</th><th scope=\"col\">Weights</th></tr></thead>\n<tbody>\n");
    for (Ranked r : ranked) {
      out.append("<tr><td class=\"num\">").append(r.rank == null ? "—" : r.rank)
          .append("</td><th scope=\"row\">").append(esc(r.jurisdiction)).append("</th><td>")
          .append(r.reference == null ? "none" : esc(r.reference)).append("</td><td class=\"num\">")
          .append(fmt(r.id)).append("</td><td class=\"num\">").append(fmt(r.bgv))
          .append("</td><td class=\"num\">").append(fmt(r.theil)).append("</td><td class=\"num\">")
          .append(fmt(r.mld)).append("</td><td>").append(r.weighted ? "population" : "equal")
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    groupCharts(b, ranked);
    out.append("</section>\n");
  }

  private void disparityChart(Bucket b, List<Ranked> ranked) {
    List<Ranked> bars = ranked.stream().filter(r -> r.id != null).toList();
    if (bars.isEmpty()) {
      out.append("<p>No Index of Disparity: no reference group (neutral polarity, or the requested")
          .append(" group is missing).</p>\n");
      return;
    }
    double max = bars.stream().mapToDouble(Ranked::id).max().orElse(1);
    max = max > 0 ? max : 1;
    String id = "c" + (++ids);
    int h = ROW * bars.size() + 10;
    int barArea = WIDTH - LABEL - VALUE_TEXT;
    out.append("<figure>\n<svg id=\"").append(id).append("\" role=\"img\" aria-labelledby=\"")
        .append(id).append("-t ").append(id).append("-d\" width=\"").append(WIDTH)
        .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(h).append("\">\n<title id=\"").append(id)
        .append("-t\">Index of Disparity by jurisdiction, ").append(esc(b.name)).append(", ")
        .append(esc(b.period)).append("</title>\n<desc id=\"").append(id).append("-d\">");
    for (Ranked r : bars) {
      out.append(esc(r.jurisdiction)).append(": ").append(fmt(r.id)).append("; ");
    }
    out.append("</desc>\n");
    for (int i = 0; i < bars.size(); i++) {
      Ranked r = bars.get(i);
      int y = 5 + i * ROW;
      double w = Math.max(1, barArea * r.id / max);
      out.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 16)
          .append("\" text-anchor=\"end\">").append(esc(clip(r.jurisdiction, 28))).append("</text>")
          .append("<rect class=\"bar\" x=\"").append(LABEL).append("\" y=\"").append(y + 3)
          .append("\" width=\"").append(num(w)).append("\" height=\"").append(ROW - 6).append("\"/>")
          .append("<text x=\"").append(num(LABEL + w + 6)).append("\" y=\"").append(y + 16)
          .append("\">").append(r.rank == null ? "" : "#" + r.rank + " ").append(fmt(r.id))
          .append("</text>\n");
    }
    out.append("</svg>\n<figcaption>Index of Disparity (percent of the reference group's value;")
        .append(" shorter is more equal).</figcaption>\n</figure>\n");
  }

  private record GroupRow(String group, double value, Double moe, String reference, Double ratio,
      Double difference, Double z, Boolean significant) {
  }

  private void groupCharts(Bucket b, List<Ranked> ranked) {
    double[] range = ranges.getOrDefault(key(b), new double[] {0, 1});
    double lo = Math.min(0, range[0]);
    double hi = Math.max(lo + 1e-9, range[1]);
    int charts = Math.min(ranked.size(), MAX_CHARTS);
    out.append("<h3>Values by group</h3>\n");
    if (b.jurisdictions > charts) {
      out.append("<p>Charts for the first ").append(charts).append(" jurisdictions by rank; every")
          .append(" group of every jurisdiction is in comparison.csv.</p>\n");
    }
    for (Ranked r : ranked.subList(0, charts)) {
      groupChart(b, r, groupsByJurisdiction.getOrDefault(key(b) + SEP + r.member + SEP + r.geoId,
          List.of()), lo, hi);
    }
  }

  private void groupChart(Bucket b, Ranked r, List<GroupRow> rows, double lo, double hi) {
    String id = "c" + (++ids);
    int h = ROW * rows.size() + 10;
    int barArea = WIDTH - LABEL - VALUE_TEXT;
    double span = hi - lo;
    out.append("<figure class=\"groups\">\n<svg id=\"").append(id)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id)
        .append("-d\" width=\"").append(WIDTH).append("\" height=\"").append(h)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(h)
        .append("\">\n<title id=\"").append(id).append("-t\">")
        .append(esc(b.name)).append(" by group, ").append(esc(r.jurisdiction)).append(", ")
        .append(esc(b.period)).append("</title>\n<desc id=\"").append(id).append("-d\">");
    for (GroupRow g : rows) {
      out.append(esc(label(g.group))).append(' ').append(fmt(g.value));
      if (g.moe != null) {
        out.append(" ± ").append(fmt(g.moe));
      }
      if (g.group.equals(g.reference)) {
        out.append(" (reference)");
      } else if (Boolean.TRUE.equals(g.significant)) {
        out.append(" (significantly different from the reference)");
      }
      out.append("; ");
    }
    out.append("</desc>\n");
    double zero = LABEL + barArea * (0 - lo) / span;
    for (int i = 0; i < rows.size(); i++) {
      GroupRow g = rows.get(i);
      boolean ref = g.group.equals(g.reference);
      int y = 5 + i * ROW;
      double x = LABEL + barArea * (g.value - lo) / span;
      double left = Math.min(zero, x);
      double width = Math.max(1, Math.abs(x - zero));
      out.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 16)
          .append("\" text-anchor=\"end\">").append(esc(clip(g.group, 30))).append("</text>")
          .append("<rect class=\"").append(ref ? "bar ref" : "bar").append("\" x=\"").append(num(left))
          .append("\" y=\"").append(y + 3).append("\" width=\"").append(num(width))
          .append("\" height=\"").append(ROW - 6).append("\"/>");
      double textX = x;
      if (g.moe != null) {
        double a = LABEL + barArea * (g.value - g.moe - lo) / span;
        double z = LABEL + barArea * (g.value + g.moe - lo) / span;
        int mid = y + ROW / 2;
        out.append("<line class=\"moe\" x1=\"").append(num(a)).append("\" y1=\"").append(mid)
            .append("\" x2=\"").append(num(z)).append("\" y2=\"").append(mid).append("\"/>")
            .append("<line class=\"moe\" x1=\"").append(num(a)).append("\" y1=\"").append(mid - 5)
            .append("\" x2=\"").append(num(a)).append("\" y2=\"").append(mid + 5).append("\"/>")
            .append("<line class=\"moe\" x1=\"").append(num(z)).append("\" y1=\"").append(mid - 5)
            .append("\" x2=\"").append(num(z)).append("\" y2=\"").append(mid + 5).append("\"/>");
        textX = Math.max(textX, z);
      }
      out.append("<text id=\"").append(id).append("-v").append(i).append("\" x=\"")
          .append(num(Math.min(textX + 6, WIDTH - VALUE_TEXT + 10))).append("\" y=\"").append(y + 16)
          .append("\">").append(fmt(g.value));
      if (g.moe != null) {
        out.append(" ±").append(fmt(g.moe));
      }
      if (ref) {
        out.append(" (ref)");
      } else if (Boolean.TRUE.equals(g.significant)) {
        out.append(" ★");
      }
      out.append("</text>\n");
    }
    out.append("</svg>\n<figcaption>").append(esc(r.jurisdiction))
        .append(": bars are values, whiskers the margins of error; (ref) marks the reference group,")
        .append(" ★ a significant difference from it.</figcaption>\n</figure>\n")
        .append("<details>\n<summary>Numbers for ").append(esc(r.jurisdiction)).append("</summary>\n")
        .append("<table>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Value</th>")
        .append("<th scope=\"col\">MOE</th><th scope=\"col\">Ratio</th><th scope=\"col\">Difference</th>")
        .append("<th scope=\"col\">Z</th><th scope=\"col\">Significant</th></tr></thead>\n<tbody>\n");
    for (GroupRow g : rows) {
      out.append("<tr><th scope=\"row\">").append(esc(label(g.group))).append(" <code>")
          .append(esc(g.group)).append("</code></th><td class=\"num\">")
          .append(fmt(g.value)).append("</td><td class=\"num\">").append(fmt(g.moe))
          .append("</td><td class=\"num\">").append(fmt(g.ratio)).append("</td><td class=\"num\">")
          .append(fmt(g.difference)).append("</td><td class=\"num\">").append(fmt(g.z))
          .append("</td><td>").append(g.significant == null ? "—" : g.significant ? "yes" : "no")
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</details>\n");
  }

  private void notCompared() throws SQLException {
    Map<String, Long> byReason = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT reason, sum(\"rows\") FROM not_compared GROUP BY reason ORDER BY 2 DESC, 1")) {
      while (rs.next()) {
        byReason.put(rs.getString(1), rs.getLong(2));
      }
    }
    out.append("<section id=\"not-compared\" aria-labelledby=\"not-compared-h\">\n")
        .append("<h2 id=\"not-compared-h\">Not compared</h2>\n");
    if (byReason.isEmpty()) {
      out.append("<p>Every harvested observation was compared.</p>\n</section>\n");
      return;
    }
    out.append("<ul>\n");
    byReason.forEach((reason, n) -> out.append("<li><code>").append(esc(reason)).append("</code>: ")
        .append(n).append(" observations</li>\n"));
    out.append("</ul>\n<table>\n<caption>Why observations were not compared (the largest groups;")
        .append(" all are in not-compared.csv)</caption>\n<thead><tr><th scope=\"col\">Member</th>")
        .append("<th scope=\"col\">Indicator</th><th scope=\"col\">Period</th>")
        .append("<th scope=\"col\">Level</th><th scope=\"col\">Reason</th><th scope=\"col\">Detail</th>")
        .append("<th scope=\"col\">Rows</th></tr></thead>\n<tbody>\n");
    String sql = "SELECT member, indicator, period, geoLevel, reason, detail, \"rows\""
        + " FROM not_compared ORDER BY \"rows\" DESC, member, indicator, period, geoLevel, reason, detail LIMIT " + MAX_NOT_COMPARED;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.append("<tr>");
        for (int i = 1; i <= 6; i++) {
          out.append("<td>").append(esc(rs.getString(i))).append("</td>");
        }
        out.append("<td class=\"num\">").append(rs.getLong(7)).append("</td></tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static Double dbl(ResultSet rs, int column) throws SQLException {
    double d = rs.getDouble(column);
    return rs.wasNull() ? null : d;
  }

  /** The codelist label of a group code (race and ethnicity), or the code itself. */
  private String label(String code) {
    if (!"raceEthnicity".equals(dimension)) {
      return code;
    }
    return RACE.find(code).map(c -> c.label() == null ? code : c.label()).orElse(code);
  }

  private static final org.civicequity.core.Codelist RACE =
      org.civicequity.core.Codelists.standard().get("race-ethnicity");

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  /**
   * A number for people: grouped thousands for large values, four significant digits otherwise.
   *
   * @param d the number or null
   * @return the text, an em dash for null
   */
  static String fmt(Double d) {
    if (d == null || !Double.isFinite(d)) {
      return "—";
    }
    double a = Math.abs(d);
    if (a >= 1000) {
      return String.format(Locale.US, "%,.0f", d);
    }
    if (a == 0) {
      return "0";
    }
    if (a < 0.001) {
      return String.format(Locale.ROOT, "%.3e", d);
    }
    String s = new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros()
        .toPlainString();
    return s;
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /**
   * Escapes text for HTML element content and attribute values.
   *
   * @param s the text, may be null
   * @return the escaped text, empty for null
   */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t') {
            sb.append(' ');
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem 2rem;color:#1a1a1a;background:#fff;line-height:1.45}
      .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;border:2px solid #000}
      h1{font-size:1.7rem;margin-top:1.5rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
      table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
      th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}
      thead th{background:#f0f0f0}tr.skipped td,tr.skipped th{background:#fff4e5}
      figure{margin:1rem 0}svg{max-width:100%;height:auto;font-size:12px}svg text{fill:#1a1a1a}
      .bar{fill:#1f5f8b}.bar.ref{fill:#fff;stroke:#1a1a1a;stroke-width:1.5;stroke-dasharray:4 2}.moe{stroke:#1a1a1a;stroke-width:1.5}
      figcaption{font-size:.85rem;color:#333}code{background:#f4f4f4;padding:0 .2rem}a{color:#0b4f8a}a:focus{outline:3px solid #f0a500}
      details{margin-bottom:1rem}.meta{color:#333}
      """;
}
