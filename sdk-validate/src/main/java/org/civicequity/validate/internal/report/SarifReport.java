package org.civicequity.validate.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.Finding;
import org.civicequity.validate.RuleCatalogue;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidationReport.FindingGroup;
import org.civicequity.validate.ValidationReport.RuleNotRun;
import org.civicequity.validate.ValidationReport.SystemError;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 (OASIS): one run, the rules that fired as reporting descriptors, one result per
 * kept example with its file (relative to where the user ran the command) and line, so that CI
 * systems annotate the user's CSV. Rules not run and system errors become tool notifications.
 */
public final class SarifReport {
  /** The SARIF schema the output follows. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private SarifReport() {
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
   * The report as a SARIF tree.
   *
   * @param r the report
   * @return the tree
   */
  public static ObjectNode tree(ValidationReport r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", r.validatorName());
    driver.put("version", r.validatorVersion());
    driver.put("semanticVersion", r.validatorVersion().replaceAll("[^0-9A-Za-z.+-]", ""));
    driver.put("informationUri", "https://civicequity.org/");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, RuleInfo> infos = new LinkedHashMap<>();
    for (RuleInfo i : RuleCatalogue.describe()) {
      infos.put(i.code(), i);
    }
    for (FindingGroup g : r.findings()) {
      index.put(g.code(), index.size());
      ObjectNode d = rules.addObject();
      d.put("id", g.code());
      d.put("name", camel(g.code()));
      RuleInfo info = infos.get(g.code());
      d.putObject("shortDescription").put("text", firstSentence(g.description()));
      d.putObject("fullDescription").put("text", g.description());
      d.putObject("defaultConfiguration").put("level",
          level(info == null ? g.severity() : info.severity()));
      d.putObject("properties").putArray("tags").add(info == null ? "semantics"
          : info.layer().name().toLowerCase(Locale.ROOT));
    }
    ArrayNode results = run.putArray("results");
    String base = base(r.input());
    for (FindingGroup g : r.findings()) {
      for (Finding fi : g.examples()) {
        ObjectNode res = results.addObject();
        res.put("ruleId", fi.code());
        res.put("ruleIndex", index.get(fi.code()));
        res.put("level", level(fi.severity()));
        res.putObject("message").put("text", fi.message());
        SourceLocation l = fi.location();
        ObjectNode loc = res.putArray("locations").addObject();
        ObjectNode phys = loc.putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(base, l.file()));
        if (l.line() > 0) {
          phys.putObject("region").put("startLine", l.line());
        }
        String logical = l.pointer() != null && !l.pointer().isEmpty() ? l.pointer() : l.column();
        if (logical != null) {
          ObjectNode ll = loc.putArray("logicalLocations").addObject();
          ll.put("name", logical);
          ll.put("kind", l.pointer() != null && !l.pointer().isEmpty() ? "member" : "element");
        }
        ObjectNode props = res.putObject("properties");
        if (l.row() > 0) {
          props.put("row", l.row());
        }
        if (fi.value() != null) {
          props.put("value", fi.value());
        }
      }
    }
    ObjectNode inv = run.putArray("invocations").addObject();
    inv.put("executionSuccessful", r.systemErrors().isEmpty());
    ArrayNode notes = inv.putArray("toolExecutionNotifications");
    for (SystemError e : r.systemErrors()) {
      ObjectNode n = notes.addObject();
      n.put("level", "error");
      n.putObject("message").put("text", e.message());
      if (e.code() != null) {
        n.putObject("associatedRule").put("id", e.code());
      }
    }
    for (RuleNotRun n : r.rulesNotRun()) {
      ObjectNode o = notes.addObject();
      o.put("level", "note");
      o.putObject("message").put("text", n.code() + " did not run: " + n.reason());
      o.putObject("associatedRule").put("id", n.code());
    }
    ObjectNode props = run.putObject("properties");
    props.put("valid", r.valid());
    props.put("input", r.input());
    props.put("standardVersion", r.standardVersion());
    props.put("errors", r.summary().errors());
    props.put("warnings", r.summary().warnings());
    props.put("infos", r.summary().infos());
    props.put("rows", r.summary().rows());
    ObjectNode counts = props.putObject("counts");
    for (FindingGroup g : r.findings()) {
      counts.put(g.code(), g.count());
    }
    return root;
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** The folder the findings' file names are relative to, as the user wrote the input. */
  static String base(String input) {
    String in = input.replace('\\', '/');
    String lower = in.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip")) {
      return null;
    }
    if (lower.endsWith(".json") || lower.endsWith(".csv") || lower.endsWith(".ndjson")
        || lower.endsWith(".jsonl")) {
      int slash = in.lastIndexOf('/');
      return slash < 0 ? "" : in.substring(0, slash);
    }
    return in;
  }

  static String uri(String base, String file) {
    String f = file.replace('\\', '/');
    if (base == null || base.isEmpty() || base.equals(".")) {
      return f;
    }
    return (base.endsWith("/") ? base : base + "/") + f;
  }

  static String camel(String code) {
    StringBuilder sb = new StringBuilder();
    for (String part : code.toLowerCase(Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  static String firstSentence(String s) {
    int dot = s.indexOf(". ");
    return dot < 0 ? s : s.substring(0, dot + 1);
  }
}
