package org.civicequity.validate.internal.report;

import java.io.IOException;
import java.io.Writer;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.Finding;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidationReport.FindingGroup;
import org.civicequity.validate.ValidationReport.RuleNotRun;
import org.civicequity.validate.ValidationReport.SystemError;

/**
 * A self-contained HTML report: no resource from elsewhere, every value escaped, tables
 * sortable by clicking a column header (a small inline script; without it the tables are
 * still complete, in report order).
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}
      h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
      table{border-collapse:collapse;width:100%;font-size:.9rem}
      th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f0f0f0;cursor:pointer;user-select:none}
      th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      .ERROR{color:#a40000;font-weight:600}.WARNING{color:#8a5a00;font-weight:600}.INFO{color:#1f4e8c}
      .verdict{display:inline-block;padding:.2rem .6rem;border-radius:.3rem;color:#fff;font-weight:700}
      .valid{background:#1e7b34}.invalid{background:#a40000}
      code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace}
      """;

  private static final String SCRIPT = """
      document.querySelectorAll('table.sortable').forEach(function(t){
        t.querySelectorAll('th').forEach(function(th,i){
          th.addEventListener('click',function(){
            var asc=th.getAttribute('aria-sort')!=='ascending';
            t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
            th.setAttribute('aria-sort',asc?'ascending':'descending');
            var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
            rows.sort(function(a,b){
              var x=a.cells[i].getAttribute('data-sort')||a.cells[i].textContent;
              var y=b.cells[i].getAttribute('data-sort')||b.cells[i].textContent;
              var nx=parseFloat(x),ny=parseFloat(y);
              var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);
              return asc?c:-c;});
            rows.forEach(function(r){body.appendChild(r);});
          });
        });
      });
      """;

  private HtmlReport() {
  }

  /**
   * Writes the report.
   *
   * @param r   the report
   * @param out the writer
   * @throws IOException if writing fails
   */
  public static void write(ValidationReport r, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Validation report: ").append(Escape.html(r.input())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>Validation report</h1>\n<p><span class=\"verdict ")
        .append(r.valid() ? "valid\">VALID" : "invalid\">INVALID").append("</span></p>\n");
    ValidationReport.Summary s = r.summary();
    sb.append("<table id=\"summary\">\n<tbody>\n");
    row(sb, "Input", r.input());
    row(sb, "Validator", r.validatorName() + " " + r.validatorVersion());
    row(sb, "Standard", r.standardVersion() == null ? "unknown" : r.standardVersion());
    row(sb, "Observation rows", Long.toString(s.rows()));
    row(sb, "Errors", Long.toString(s.errors()));
    row(sb, "Warnings", Long.toString(s.warnings()));
    row(sb, "Infos", Long.toString(s.infos()));
    sb.append("</tbody>\n</table>\n");

    sb.append("<h2>Findings by rule</h2>\n");
    if (r.findings().isEmpty()) {
      sb.append("<p>No findings.</p>\n");
    } else {
      sb.append("<table class=\"sortable\" id=\"rules\">\n<thead><tr><th>Severity</th><th>Code"
          + "</th><th>Count</th><th>What it means</th></tr></thead>\n<tbody>\n");
      for (FindingGroup g : r.findings()) {
        sb.append("<tr><td class=\"").append(g.severity()).append("\" data-sort=\"")
            .append(g.severity().ordinal()).append("\">").append(g.severity())
            .append("</td><td><code>").append(Escape.html(g.code())).append("</code></td>")
            .append("<td class=\"num\">").append(g.count()).append("</td><td>")
            .append(Escape.html(g.description())).append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
      sb.append("<h2>Examples</h2>\n<p>The first examples of each code, with their location."
          + " Click a column header to sort.</p>\n");
      sb.append("<table class=\"sortable\" id=\"examples\">\n<thead><tr><th>Severity</th>"
          + "<th>Code</th><th>File</th><th>Row</th><th>Line</th><th>Column or pointer</th>"
          + "<th>Value</th><th>Message</th></tr></thead>\n<tbody>\n");
      for (FindingGroup g : r.findings()) {
        for (Finding f : g.examples()) {
          SourceLocation l = f.location();
          String where = l.pointer() != null && !l.pointer().isEmpty() ? l.pointer()
              : l.column() == null ? "" : l.column();
          sb.append("<tr><td class=\"").append(f.severity()).append("\" data-sort=\"")
              .append(f.severity().ordinal()).append("\">").append(f.severity())
              .append("</td><td><code>").append(Escape.html(f.code())).append("</code></td><td>")
              .append(Escape.html(l.file())).append("</td><td class=\"num\">")
              .append(l.row() > 0 ? Long.toString(l.row()) : "").append("</td><td class=\"num\">")
              .append(l.line() > 0 ? Long.toString(l.line()) : "").append("</td><td class=\"mono\">")
              .append(Escape.html(where)).append("</td><td class=\"mono\">")
              .append(Escape.html(f.value())).append("</td><td>").append(Escape.html(f.message()))
              .append("</td></tr>\n");
        }
      }
      sb.append("</tbody>\n</table>\n");
    }
    if (!r.rulesNotRun().isEmpty()) {
      sb.append("<h2>Rules not run</h2>\n<table class=\"sortable\" id=\"not-run\">\n<thead><tr>"
          + "<th>Code</th><th>Why</th></tr></thead>\n<tbody>\n");
      for (RuleNotRun n : r.rulesNotRun()) {
        sb.append("<tr><td><code>").append(Escape.html(n.code())).append("</code></td><td>")
            .append(Escape.html(n.reason())).append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }
    if (!r.systemErrors().isEmpty()) {
      sb.append("<h2>System errors</h2>\n<p>Bugs in the validator; the run went on. Please report"
          + " them.</p>\n<ul id=\"system-errors\">\n");
      for (SystemError e : r.systemErrors()) {
        sb.append("<li>").append(e.location() == null ? "" : Escape.html(e.location()) + ": ")
            .append(Escape.html(e.message())).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    out.write(sb.toString());
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("<tr><th scope=\"row\">").append(Escape.html(k)).append("</th><td>")
        .append(Escape.html(v)).append("</td></tr>\n");
  }
}
