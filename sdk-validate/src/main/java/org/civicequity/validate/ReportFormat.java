package org.civicequity.validate;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.civicequity.validate.internal.report.HtmlReport;
import org.civicequity.validate.internal.report.JsonReport;
import org.civicequity.validate.internal.report.SarifReport;
import org.civicequity.validate.internal.report.TextReport;

/** The formats a {@link ValidationReport} can be written in. */
public enum ReportFormat {
  /** For people: grouped by code, counts, a few located examples each. */
  TEXT,
  /** For machines: exactly the JSON report of DESIGN §9 ({@code report.schema.json}). */
  JSON,
  /** A self-contained HTML page (no scripts or styles from elsewhere), sortable tables. */
  HTML,
  /** SARIF 2.1.0, so CI systems annotate the user's files at the right lines. */
  SARIF;

  /**
   * Writes a report in this format.
   *
   * @param report the report
   * @param out    where to write (not closed)
   * @throws IOException if writing fails
   */
  public void write(ValidationReport report, Writer out) throws IOException {
    switch (this) {
      case TEXT -> TextReport.write(report, out);
      case JSON -> JsonReport.write(report, out);
      case HTML -> HtmlReport.write(report, out);
      case SARIF -> SarifReport.write(report, out);
      default -> throw new IllegalStateException("unknown format " + this);
    }
  }

  /**
   * Parses a format name.
   *
   * @param name {@code text}, {@code json}, {@code html} or {@code sarif}, case-insensitive
   * @return the format
   * @throws IllegalArgumentException if the name is none of those
   */
  public static ReportFormat parse(String name) {
    if (name != null) {
      for (ReportFormat f : values()) {
        if (f.name().equalsIgnoreCase(name.strip())) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException("expected a format of text, json, html, sarif; found '"
        + name + "'");
  }

  /** @return the lower-case name, as on the command line */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
