package org.civicequity.publish.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import org.civicequity.core.Indicator;
import org.civicequity.core.Manifest;
import org.civicequity.core.Observation;
import org.civicequity.publish.CensusMoe;
import org.civicequity.publish.Estimate;

/**
 * Writes a feed's public equity dashboard ({@code index.html}): one self-contained page (no
 * script, no external file or font) with, per indicator, its definition and source, an inline
 * SVG bar chart of the latest values by race/ethnicity group with margin-of-error whiskers, the
 * disparity of each group against a reference group (ratio, difference, and whether the
 * difference is statistically significant given the margins of error), and a chart of the
 * values by geography. Every chart has a text alternative (title and description) and a table
 * with the same numbers; suppressed values are shown as suppressed, never as 0. Every text from
 * the feed is HTML-escaped.
 */
public final class Dashboard {
  private static final int MAX_GEO_BARS = 60;
  private static final int BAR_H = 18;
  private static final int LABEL_W = 270;
  private static final int PLOT_W = 380;
  private static final int VALUE_W = 170;
  private static final List<String> REFERENCES = List.of("white-alone-nh", "white-alone", "white-alone-incl-mena");

  private final Manifest manifest;
  private final List<Indicator> indicators;
  private final Map<String, Code> races = new HashMap<>();
  private final String issued;
  private final String generator;

  /**
   * Creates a writer.
   *
   * @param manifest   the feed's manifest
   * @param indicators its indicators
   * @param races      the race-ethnicity codelist (for group labels)
   * @param issued     the issue date
   * @param generator  the generator's name and version
   */
  public Dashboard(Manifest manifest, List<Indicator> indicators, Codelist races, String issued, String generator) {
    this.manifest = manifest;
    this.indicators = indicators;
    races.codes().forEach(c -> this.races.put(c.code(), c));
    this.issued = issued;
    this.generator = generator;
  }

  /**
   * What the page shows of one indicator in one period, gathered as the rows go by (each row is
   * looked at once, while it is in the cache): the place with the most race/ethnicity groups that
   * have a value, and the rows for all people by place.
   */
  private static final class Slice {
    final String period;
    final int endYear;
    final String jurisdiction;
    /** The rows of this indicator and period. */
    long rows;
    /** The rows of the place with the most groups with a value (only race/ethnicity varies), or null. */
    List<Observation> groups;
    private int best = 1;
    /** The rows for all people (no dimension), by place. */
    final List<Observation> geos = new ArrayList<>();
    // the place being read: in canonical order a place's rows of one indicator and period are side by side
    private List<Observation> run = new ArrayList<>();
    private Observation runFirst;
    private int runCount;

    Slice(String period, int endYear, String jurisdiction) {
      this.period = period;
      this.endYear = endYear;
      this.jurisdiction = jurisdiction;
    }

    void add(Observation o) {
      rows++;
      if (!onlyRaceVaries(o)) {
        return;
      }
      if (runFirst != null && (!Objects.equals(o.geoId(), runFirst.geoId())
          || !Objects.equals(o.geoLevel(), runFirst.geoLevel()))) {
        close();
      }
      if (runFirst == null) {
        runFirst = o;
      }
      run.add(o);
      if (o.raceEthnicity() == null) {
        geos.add(o);
      } else if (o.value() != null) {
        runCount++;
      }
    }

    /**
     * Ends the place being read: it becomes the chosen place when it has more groups with a value
     * than the one before (the jurisdiction on a tie), so the chart shows as many groups as the
     * feed can; at least two.
     */
    void close() {
      if (runFirst == null) {
        return;
      }
      int n = runCount;
      if (n > best || (n == best && n > 1 && (runFirst.geoLevel() + "|" + runFirst.geoId()).equals(jurisdiction))) {
        best = n;
        groups = run;
        run = new ArrayList<>();
      } else {
        run.clear();
      }
      runFirst = null;
      runCount = 0;
    }

    /** Whether this slice is of a later period than another (by end year, then by name). */
    boolean laterThan(Slice other) {
      return other == null || (endYear != other.endYear ? endYear > other.endYear : period.compareTo(other.period) > 0);
    }
  }

  /**
   * Renders the page.
   *
   * @param observations the feed's observations (canonical order)
   * @return the HTML
   */
  public String render(List<Observation> observations) {
    // one pass: a slice per indicator and period (periods are few); the page shows each
    // indicator's latest one
    Map<String, Map<String, Slice>> slices = new HashMap<>();
    for (Indicator i : indicators) {
      slices.put(i.id(), new HashMap<>());
    }
    String jurisdiction = jurisdictionKey();
    // a place's rows come indicator by indicator and period by period: look the slice up once per run of rows
    String lastIndicator = null;
    Map<String, Slice> byPeriod = null;
    String lastPeriod = null;
    Slice s = null;
    for (Observation o : new ReadAhead(observations)) {
      if (o.indicator() != lastIndicator) {
        lastIndicator = o.indicator();
        byPeriod = lastIndicator == null ? null : slices.get(lastIndicator);
        lastPeriod = null;
      }
      if (byPeriod == null || o.period() == null) {
        continue;
      }
      if (o.period() != lastPeriod) {
        lastPeriod = o.period();
        s = byPeriod.get(lastPeriod);
        if (s == null) {
          s = new Slice(lastPeriod, endYear(lastPeriod), jurisdiction);
          byPeriod.put(lastPeriod, s);
        }
      }
      s.add(o);
    }
    Map<String, Slice> latest = new HashMap<>();
    slices.forEach((id, periods) -> {
      Slice newest = null;
      for (Slice x : periods.values()) {
        x.close();
        if (x.laterThan(newest)) {
          newest = x;
        }
      }
      latest.put(id, newest);
    });
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = manifest.title() == null ? manifest.name() : manifest.title();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"").append(Html.attr(generator)).append("\">\n")
        .append("<title>").append(Html.text(title)).append(" — equity dashboard</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<header>\n<h1>").append(Html.text(title)).append("</h1>\n");
    if (manifest.description() != null) {
      h.append("<p>").append(Html.text(manifest.description())).append("</p>\n");
    }
    h.append("<p class=\"meta\">");
    if (manifest.civicEquity() != null && manifest.civicEquity().publisher() != null) {
      var p = manifest.civicEquity().publisher();
      h.append("Published by ");
      if (p.url() != null && p.url().matches("https?://\\S+")) {
        h.append("<a href=\"").append(Html.attr(p.url())).append("\">").append(Html.text(p.name())).append("</a>");
      } else {
        h.append(Html.text(p.name()));
      }
      if (p.jurisdiction() != null && p.jurisdiction().name() != null) {
        h.append(" for ").append(Html.text(p.jurisdiction().name()));
      }
      h.append(". ");
    }
    h.append("Issued ").append(Html.text(issued)).append(". Data: <a href=\"observations.csv\">observations.csv</a>, ")
        .append("<a href=\"observations.ndjson\">observations.ndjson</a>, <a href=\"indicators.json\">indicators.json</a>, ")
        .append("<a href=\"datapackage.json\">datapackage.json</a>, <a href=\"data.json\">data.json</a>.</p>\n</header>\n");
    h.append("<nav aria-label=\"Indicators\">\n<h2>Indicators</h2>\n<ul>\n");
    for (Indicator i : indicators) {
      h.append("<li><a href=\"#").append(Html.attr(anchor(i.id()))).append("\">").append(Html.text(i.name()))
          .append("</a></li>\n");
    }
    h.append("</ul>\n</nav>\n<main>\n");
    for (Indicator i : indicators) {
      section(h, i, latest.get(i.id()));
    }
    h.append("</main>\n<footer>\n<p>Bars show values; whiskers show the margin of error (or the confidence interval) "
        + "at each indicator's confidence level. A group's difference from the reference group is called "
        + "significant when |Z| exceeds the critical value of that level (Z = difference / √(SE₁² + SE₂²)). "
        + "Suppressed values are withheld to protect small groups and are never shown as 0.</p>\n<p>Generated by ")
        .append(Html.text(generator)).append(" from a Civic Equity Indicators feed (standard ")
        .append(Html.text(manifest.civicEquity() == null || manifest.civicEquity().standardVersion() == null ? "1.0"
            : manifest.civicEquity().standardVersion()))
        .append(").</p>\n</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String anchor(String id) {
    return "indicator-" + id;
  }

  private void section(StringBuilder h, Indicator ind, Slice s) {
    String a = anchor(ind.id());
    h.append("<section id=\"").append(Html.attr(a)).append("\" aria-labelledby=\"").append(Html.attr(a))
        .append("-h\">\n<h2 id=\"").append(Html.attr(a)).append("-h\">").append(Html.text(ind.name())).append("</h2>\n");
    h.append("<p>").append(Html.text(ind.description())).append("</p>\n<dl class=\"def\">\n");
    def(h, "Indicator id", ind.id());
    def(h, "Unit", ind.unit());
    def(h, "Better when", switch (String.valueOf(ind.polarity())) {
      case "higher-is-better" -> "higher";
      case "lower-is-better" -> "lower";
      default -> "neither (neutral)";
    });
    if (ind.universe() != null) {
      def(h, "Universe", ind.universe());
    }
    if (ind.source() != null && ind.source().name() != null) {
      h.append("<dt>Source</dt><dd>");
      if (ind.source().url() != null && ind.source().url().matches("https?://\\S+")) {
        h.append("<a href=\"").append(Html.attr(ind.source().url())).append("\">")
            .append(Html.text(ind.source().name())).append("</a>");
      } else {
        h.append(Html.text(ind.source().name()));
      }
      if (ind.source().table() != null) {
        h.append(", table ").append(Html.text(ind.source().table()));
      }
      h.append("</dd>\n");
    }
    if (ind.methodology() != null) {
      def(h, "Method", ind.methodology());
    }
    if (ind.equivalentTo() != null) {
      def(h, "Comparable with", ind.equivalentTo());
    }
    h.append("</dl>\n");
    if (s == null || s.rows == 0) {
      h.append("<p>No observations.</p>\n</section>\n");
      return;
    }
    double conf = ind.effectiveConfidenceLevel();
    // by group: the geography with the most race/ethnicity groups in the latest period
    List<Observation> groups = s.groups;
    String unit = ind.unit();
    if (groups != null) {
      Observation first = groups.get(0);
      String place = first.geoName() != null ? first.geoName() : first.geoId();
      h.append("<h3>By race and ethnicity: ").append(Html.text(place)).append(", ").append(Html.text(s.period))
          .append("</h3>\n");
      List<Bar> bars = new ArrayList<>();
      for (Observation o : groups) {
        bars.add(bar(o, raceLabel(o.raceEthnicity()), unit, conf));
      }
      chart(h, a + "-groups", ind.name() + " by race and ethnicity, " + place + ", " + s.period, bars, unit);
      disparity(h, ind, groups, conf);
    } else {
      h.append("<p class=\"note\">This feed publishes no breakdown by race or ethnicity for this indicator.</p>\n");
    }
    // by geography: rows for all people (no dimension) in the latest period
    List<Observation> geos = s.geos;
    if (geos.size() > 1) {
      h.append("<h3>By geography, ").append(Html.text(s.period)).append("</h3>\n");
      List<Observation> shown = geos;
      String extra = "";
      if (geos.size() > MAX_GEO_BARS) {
        List<Observation> sorted = new ArrayList<>(geos);
        sorted.sort(HIGHEST_FIRST);
        shown = new ArrayList<>(sorted.subList(0, MAX_GEO_BARS / 2));
        shown.addAll(sorted.subList(sorted.size() - MAX_GEO_BARS / 2, sorted.size()));
        extra = " The " + (MAX_GEO_BARS / 2) + " highest and " + (MAX_GEO_BARS / 2) + " lowest of " + geos.size()
            + " geographies are shown; every value is in observations.csv.";
        h.append("<p class=\"note\">").append(Html.text(extra.strip())).append("</p>\n");
      } else {
        shown = new ArrayList<>(geos);
        shown.sort(HIGHEST_FIRST);
      }
      List<Bar> bars = new ArrayList<>();
      for (Observation o : shown) {
        bars.add(bar(o, o.geoName() != null ? o.geoName() : o.geoId(), unit, conf));
      }
      chart(h, a + "-geos", ind.name() + " by geography, " + s.period, bars, unit);
    }
    h.append("</section>\n");
  }

  /** By value, highest first (absent last), then by GEOID; compares numbers without boxing them. */
  private static final Comparator<Observation> HIGHEST_FIRST = (x, y) -> {
    double a = x.value() == null ? Double.NEGATIVE_INFINITY : x.value();
    double b = y.value() == null ? Double.NEGATIVE_INFINITY : y.value();
    int c = Double.compare(b, a);
    return c != 0 ? c : x.geoId().compareTo(y.geoId());
  };

  private String jurisdictionKey() {
    if (manifest.civicEquity() == null || manifest.civicEquity().publisher() == null
        || manifest.civicEquity().publisher().jurisdiction() == null) {
      return null;
    }
    var j = manifest.civicEquity().publisher().jurisdiction();
    return j.geoLevel() + "|" + j.geoId();
  }

  private static boolean onlyRaceVaries(Observation o) {
    return o.sex() == null && o.age() == null && o.income() == null && o.disability() == null && o.nativity() == null;
  }

  private String raceLabel(String code) {
    if (code == null) {
      return "All people";
    }
    Code c = races.get(code);
    return c == null || c.label() == null ? code : c.label();
  }

  private static void def(StringBuilder h, String term, String value) {
    h.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(Html.text(value)).append("</dd>\n");
  }

  /** One bar: a label, a value (or why there is none) and an interval. */
  private record Bar(String label, Double value, Double low, Double high, String status, String text) {
  }

  private static Bar bar(Observation o, String label, String unit, double conf) {
    String status = o.effectiveStatus();
    if (o.value() == null) {
      String why = switch (status) {
        case "suppressed" -> "suppressed";
        case "not-applicable" -> "not applicable";
        default -> "not available";
      };
      return new Bar(label, null, null, null, status, why);
    }
    Double low = null;
    Double high = null;
    if (o.lower() != null && o.upper() != null) {
      low = o.lower();
      high = o.upper();
    } else if (o.moe() != null) {
      low = o.value() - o.moe();
      high = o.value() + o.moe();
    }
    String text = format(o.value(), unit);
    if (o.moe() != null) {
      text += " ± " + format(o.moe(), unit.equals("percent") ? "points" : unit);
    }
    if ("unreliable".equals(status)) {
      text += " (unreliable)";
    }
    return new Bar(label, o.value(), low, high, status, text);
  }

  private static void chart(StringBuilder h, String id, String title, List<Bar> bars, String unit) {
    double max = 0;
    double min = 0;
    for (Bar b : bars) {
      if (b.value() != null) {
        max = Math.max(max, b.high() != null ? b.high() : b.value());
        min = Math.min(min, b.low() != null ? b.low() : b.value());
      }
    }
    if (max == min) {
      max = min + 1;
    }
    double scale = PLOT_W / (max - min);
    double zero = LABEL_W + (0 - min) * scale;
    int height = bars.size() * BAR_H + 24;
    int width = LABEL_W + PLOT_W + VALUE_W + 10;
    StringBuilder desc = new StringBuilder();
    for (Bar b : bars) {
      desc.append(b.label()).append(": ").append(b.text()).append(". ");
    }
    h.append("<figure>\n<svg id=\"").append(Html.attr(id)).append("\" class=\"chart\" role=\"img\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" aria-labelledby=\"").append(Html.attr(id)).append("-t ").append(Html.attr(id))
        .append("-d\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"").append(Html.attr(id)).append("-t\">")
        .append(Html.text(title)).append("</title>\n<desc id=\"").append(Html.attr(id)).append("-d\">")
        .append(Html.text(desc.toString().strip())).append("</desc>\n");
    h.append("<line class=\"axis\" x1=\"").append(px(zero)).append("\" y1=\"2\" x2=\"").append(px(zero))
        .append("\" y2=\"").append(height - 20).append("\"/>\n");
    int y = 4;
    for (Bar b : bars) {
      String label = b.label().length() > 40 ? b.label().substring(0, 39) + "…" : b.label();
      h.append("<g class=\"row ").append(Html.attr(b.status())).append("\">");
      h.append("<text class=\"label\" x=\"").append(LABEL_W - 6).append("\" y=\"").append(y + 13)
          .append("\" text-anchor=\"end\"><title>").append(Html.text(b.label())).append("</title>")
          .append(Html.text(label)).append("</text>");
      if (b.value() == null) {
        h.append("<text class=\"missing\" x=\"").append(px(zero + 4)).append("\" y=\"").append(y + 13).append("\">")
            .append(Html.text(b.text())).append("</text>");
      } else {
        double x0 = Math.min(zero, LABEL_W + (b.value() - min) * scale);
        double x1 = Math.max(zero, LABEL_W + (b.value() - min) * scale);
        h.append("<rect class=\"bar\" x=\"").append(px(x0)).append("\" y=\"").append(y + 3).append("\" width=\"")
            .append(px(Math.max(1, x1 - x0))).append("\" height=\"").append(BAR_H - 6).append("\"/>");
        if (b.low() != null) {
          double wl = LABEL_W + (b.low() - min) * scale;
          double wh = LABEL_W + (b.high() - min) * scale;
          int cy = y + BAR_H / 2;
          h.append("<path class=\"whisker\" d=\"M").append(px(wl)).append(' ').append(cy).append("H").append(px(wh))
              .append("M").append(px(wl)).append(' ').append(cy - 4).append("V").append(cy + 4)
              .append("M").append(px(wh)).append(' ').append(cy - 4).append("V").append(cy + 4).append("\"/>");
        }
        h.append("<text class=\"value\" x=\"").append(LABEL_W + PLOT_W + 6).append("\" y=\"").append(y + 13)
            .append("\">").append(Html.text(b.text())).append("</text>");
      }
      h.append("</g>\n");
      y += BAR_H;
    }
    h.append("<text class=\"unit\" x=\"").append(LABEL_W).append("\" y=\"").append(height - 6).append("\">")
        .append(Html.text("unit: " + unit)).append("</text>\n</svg>\n<figcaption>").append(Html.text(title))
        .append("</figcaption>\n</figure>\n");
    h.append("<details>\n<summary>Table: ").append(Html.text(title)).append("</summary>\n<table>\n<caption>")
        .append(Html.text(title)).append("</caption>\n<thead><tr><th scope=\"col\">Group or place</th>")
        .append("<th scope=\"col\">Value</th><th scope=\"col\">Interval</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
    for (Bar b : bars) {
      h.append("<tr><th scope=\"row\">").append(Html.text(b.label())).append("</th><td>")
          .append(Html.text(b.value() == null ? b.text() : format(b.value(), unit))).append("</td><td>")
          .append(b.low() == null ? "" : Html.text(format(b.low(), unit) + " – " + format(b.high(), unit)))
          .append("</td><td>").append(Html.text(b.status())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</details>\n");
  }

  private void disparity(StringBuilder h, Indicator ind, List<Observation> groups, double conf) {
    Map<String, Observation> byCode = new LinkedHashMap<>();
    for (Observation o : groups) {
      if (o.raceEthnicity() != null) {
        byCode.put(o.raceEthnicity(), o);
      }
    }
    Observation ref = null;
    String why = null;
    for (String r : REFERENCES) {
      Observation o = byCode.get(r);
      if (o != null && o.value() != null && o.value() != 0) {
        ref = o;
        why = "the usual reference group";
        break;
      }
    }
    if (ref == null) {
      boolean lower = "lower-is-better".equals(ind.polarity());
      for (Observation o : byCode.values()) {
        if (o.value() != null && o.value() != 0
            && (ref == null || (lower ? o.value() < ref.value() : o.value() > ref.value()))) {
          ref = o;
        }
      }
      why = "the group with the " + (lower ? "lowest" : "highest") + " value";
    }
    if (ref == null) {
      return;
    }
    h.append("<h4>Disparity against ").append(Html.text(raceLabel(ref.raceEthnicity()))).append(" (")
        .append(Html.text(why)).append(")</h4>\n<table class=\"disparity\">\n<thead><tr><th scope=\"col\">Group</th>")
        .append("<th scope=\"col\">Value</th><th scope=\"col\">Ratio to reference</th>")
        .append("<th scope=\"col\">Difference</th><th scope=\"col\">Significant difference</th></tr></thead>\n<tbody>\n");
    for (Observation o : byCode.values()) {
      if (o == ref) {
        continue;
      }
      h.append("<tr><th scope=\"row\">").append(Html.text(raceLabel(o.raceEthnicity()))).append("</th>");
      if (o.value() == null) {
        h.append("<td>").append(Html.text("suppressed".equals(o.status()) ? "suppressed" : "not available"))
            .append("</td><td></td><td></td><td></td></tr>\n");
        continue;
      }
      String sig = "unknown (no margin of error)";
      if (o.moe() != null && ref.moe() != null) {
        Estimate a = Estimate.of(o.value(), o.moe());
        Estimate b = Estimate.of(ref.value(), ref.moe());
        double z = CensusMoe.zScore(a, b, conf);
        sig = (CensusMoe.significantlyDifferent(a, b, conf) ? "yes" : "no") + " (Z = " + round(z, 2) + ")";
      }
      h.append("<td>").append(Html.text(format(o.value(), ind.unit()))).append("</td><td>")
          .append(Html.text(round(o.value() / ref.value(), 2))).append("</td><td>")
          .append(Html.text(format(o.value() - ref.value(), ind.unit().equals("percent") ? "points" : ind.unit())))
          .append("</td><td>").append(Html.text(sig)).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  static int endYear(String period) {
    String p = period.contains("/") ? period.substring(period.indexOf('/') + 1) : period;
    try {
      return Integer.parseInt(p.length() >= 4 ? p.substring(0, 4) : p);
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE + 1;
    }
  }

  private static String round(double d, int places) {
    if (!Double.isFinite(d)) {
      return d > 0 ? "∞" : "-∞";
    }
    return new BigDecimal(Double.toString(d)).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * A value as people read it in its unit.
   *
   * @param v    the value
   * @param unit the unit code ({@code points} for percentage points)
   * @return the text
   */
  static String format(double v, String unit) {
    DecimalFormat f = new DecimalFormat(Math.abs(v) >= 100 ? "#,##0" : Math.abs(v) >= 10 ? "#,##0.#" : "#,##0.##",
        DecimalFormatSymbols.getInstance(Locale.US));
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    String n = f.format(v);
    return switch (unit) {
      case "percent" -> n + "%";
      case "points" -> n + " points";
      case "currency-usd" -> (v < 0 ? "-$" + n.substring(1) : "$" + n);
      case "rate-per-1000" -> n + " per 1,000";
      case "rate-per-100000" -> n + " per 100,000";
      case "years" -> n + " years";
      case "minutes" -> n + " minutes";
      default -> n;
    };
  }

  private static String px(double d) {
    return new BigDecimal(Double.toString(d)).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;line-height:1.45}
      header{border-bottom:2px solid #1a4480;margin-bottom:1rem}
      h1{font-size:1.8rem;margin:.5rem 0}
      h2{font-size:1.4rem;margin-top:2rem;color:#1a4480}
      h3{font-size:1.1rem;margin-top:1.2rem}
      h4{font-size:1rem}
      .meta,.note{color:#454545;font-size:.95rem}
      nav ul{columns:2;padding-left:1.2rem}
      section{border-top:1px solid #ccc}
      dl.def{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
      dl.def dt{font-weight:600}
      dl.def dd{margin:0}
      svg.chart{max-width:100%;height:auto;font-size:12px}
      svg .bar{fill:#2672de}
      svg .row.unreliable .bar{fill:#a9c6ef}
      svg .whisker{stroke:#1b1b1b;stroke-width:1.2;fill:none}
      svg .axis{stroke:#757575}
      svg .missing{fill:#8b0a03;font-style:italic}
      svg .label,svg .value,svg .unit{fill:#1b1b1b}
      table{border-collapse:collapse;margin:.5rem 0}
      th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
      caption{text-align:left;font-weight:600}
      details{margin-bottom:1rem}
      a{color:#005ea2}
      """;
}
