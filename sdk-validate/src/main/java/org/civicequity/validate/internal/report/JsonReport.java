package org.civicequity.validate.internal.report;

import java.io.IOException;
import java.io.Writer;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.Finding;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidationReport.FindingGroup;
import org.civicequity.validate.ValidationReport.RuleNotRun;
import org.civicequity.validate.ValidationReport.SystemError;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON report of DESIGN §9, valid against {@code report.schema.json}. */
public final class JsonReport {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonReport() {
  }

  /**
   * Writes the report.
   *
   * @param r   the report
   * @param out the writer
   * @throws IOException if writing fails
   */
  public static void write(ValidationReport r, Writer out) throws IOException {
    out.write(MAPPER.writeValueAsString(tree(r)));
    out.write('\n');
  }

  /**
   * The report as a JSON tree.
   *
   * @param r the report
   * @return the tree
   */
  public static ObjectNode tree(ValidationReport r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("valid", r.valid());
    root.put("standardVersion", r.standardVersion());
    ObjectNode v = root.putObject("validator");
    v.put("name", r.validatorName());
    v.put("version", r.validatorVersion());
    root.put("input", r.input());
    ObjectNode s = root.putObject("summary");
    s.put("errors", r.summary().errors());
    s.put("warnings", r.summary().warnings());
    s.put("infos", r.summary().infos());
    s.put("rows", r.summary().rows());
    ArrayNode findings = root.putArray("findings");
    for (FindingGroup g : r.findings()) {
      ObjectNode gn = findings.addObject();
      gn.put("code", g.code());
      gn.put("severity", g.severity().name());
      gn.put("count", g.count());
      gn.put("description", g.description());
      ArrayNode ex = gn.putArray("examples");
      for (Finding fi : g.examples()) {
        ObjectNode e = ex.addObject();
        SourceLocation l = fi.location();
        e.put("message", fi.message());
        e.put("file", l.file());
        if (l.row() > 0) {
          e.put("row", l.row());
        } else {
          e.putNull("row");
        }
        if (l.line() > 0) {
          e.put("line", l.line());
        } else {
          e.putNull("line");
        }
        e.put("column", l.column());
        e.put("pointer", l.pointer());
        e.put("value", fi.value());
      }
    }
    ArrayNode notRun = root.putArray("rulesNotRun");
    for (RuleNotRun n : r.rulesNotRun()) {
      ObjectNode o = notRun.addObject();
      o.put("code", n.code());
      o.put("reason", n.reason());
    }
    ArrayNode sys = root.putArray("systemErrors");
    for (SystemError e : r.systemErrors()) {
      ObjectNode o = sys.addObject();
      o.put("code", e.code());
      o.put("message", e.message() + (e.location() == null ? "" : " at " + e.location()));
      o.put("file", e.location() == null ? null : e.location().file());
    }
    return root;
  }
}
