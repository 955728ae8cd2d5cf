package org.civicequity.validate.internal.report;

import java.io.IOException;
import java.io.Writer;
import org.civicequity.validate.Finding;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidationReport.FindingGroup;
import org.civicequity.validate.ValidationReport.RuleNotRun;
import org.civicequity.validate.ValidationReport.SystemError;

/** The text report: a verdict, then one block per code with its count and located examples. */
public final class TextReport {
  /** Examples shown per code in text (the JSON report keeps all kept examples). */
  static final int SHOWN = 10;

  private TextReport() {
  }

  /**
   * Writes the report.
   *
   * @param r   the report
   * @param out the writer
   * @throws IOException if writing fails
   */
  public static void write(ValidationReport r, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(r.validatorName()).append(' ').append(r.validatorVersion())
        .append(" (Civic Equity Indicators standard ")
        .append(r.standardVersion() == null ? "?" : r.standardVersion()).append(")\n");
    sb.append("input: ").append(r.input()).append('\n');
    ValidationReport.Summary s = r.summary();
    sb.append(r.valid() ? "VALID" : "INVALID").append(": ")
        .append(plural(s.errors(), "error")).append(", ")
        .append(plural(s.warnings(), "warning")).append(", ")
        .append(plural(s.infos(), "info")).append(" in ")
        .append(plural(s.rows(), "observation row")).append('\n');
    for (FindingGroup g : r.findings()) {
      sb.append('\n').append(g.severity()).append(' ').append(g.code()).append(" (")
          .append(g.count()).append(")\n");
      sb.append("  ").append(g.description()).append('\n');
      int shown = 0;
      for (Finding f : g.examples()) {
        if (shown++ == SHOWN) {
          break;
        }
        sb.append("  - ").append(f.location()).append(": ").append(oneLine(f.message()))
            .append('\n');
      }
      long more = g.count() - Math.min(g.examples().size(), SHOWN);
      if (more > 0) {
        sb.append("  ... and ").append(more).append(" more\n");
      }
    }
    if (!r.rulesNotRun().isEmpty()) {
      sb.append("\nRules not run:\n");
      for (RuleNotRun n : r.rulesNotRun()) {
        sb.append("  ").append(n.code()).append(": ").append(n.reason()).append('\n');
      }
    }
    if (!r.systemErrors().isEmpty()) {
      sb.append("\nSystem errors (bugs in the validator; please report them):\n");
      for (SystemError e : r.systemErrors()) {
        sb.append("  ").append(e.location() == null ? "" : e.location() + ": ")
            .append(oneLine(e.message())).append('\n');
      }
    }
    out.write(sb.toString());
  }

  static String plural(long n, String word) {
    return String.format(java.util.Locale.ROOT, "%,d", n) + " " + word + (n == 1 ? "" : "s");
  }

  static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
