package org.civicequity.validate.internal.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a feed's {@code data.json} (the DCAT-US 1.1 catalog that {@code civic-equity publish}
 * writes beside the manifest) for what the non-federal DCAT-US 1.1 schema requires of a catalog and
 * its datasets: {@code conformsTo} and {@code dataset}; per dataset {@code title},
 * {@code description} (at most 10,000 characters), {@code keyword} (1 to 1,000 non-empty strings),
 * {@code modified}, {@code publisher.name}, {@code contactPoint.fn} and {@code hasEmail}
 * ({@code mailto:} address), {@code identifier} and {@code accessLevel}. A harvester such as
 * data.gov drops a catalog that fails these. Problems are reported with the structural codes of
 * the schemas (a missing member REQUIRED_FIELD_MISSING, a wrong JSON type WRONG_TYPE, a value
 * outside a fixed list UNKNOWN_CODE, anything else SCHEMA_VIOLATION), located by JSON pointer.
 */
final class DcatCheck {
  /** The file name. */
  static final String FILE = "data.json";
  static final String CONFORMS_TO = "https://project-open-data.cio.gov/v1.1/schema";
  private static final List<String> ACCESS_LEVELS = List.of("public", "restricted public", "non-public");
  private static final List<String> REQUIRED = List.of("title", "description", "keyword", "modified",
      "publisher", "contactPoint", "identifier", "accessLevel");
  /** The official hasEmail pattern, with ASCII word characters. */
  private static final Pattern MAILTO =
      Pattern.compile("^mailto:[A-Za-z0-9_~!$&'()*+,;=:.-]+@[A-Za-z0-9_.-]+\\.[A-Za-z0-9_.-]+?$");
  /** An ISO 8601 date, date-time or repeating interval, as the schema's modified allows. */
  private static final Pattern MODIFIED = Pattern.compile("^([+-]?\\d{4}(-?\\d{2}(-?\\d{2})?)?([T\\s].*)?|R/.+)$");

  private DcatCheck() {
  }

  /**
   * The problems of a parsed {@code data.json}.
   *
   * @param doc the document
   * @return the violations, in document order
   */
  static List<SchemaCheck.Violation> check(JsonNode doc) {
    List<SchemaCheck.Violation> out = new ArrayList<>();
    if (!doc.isObject()) {
      out.add(new SchemaCheck.Violation("WRONG_TYPE", "", null,
          "a DCAT-US catalog is a JSON object, found " + type(doc)));
      return out;
    }
    required(doc, "", List.of("conformsTo", "dataset"), out);
    JsonNode conforms = doc.get("conformsTo");
    if (present(conforms) && !(conforms.isString() && CONFORMS_TO.equals(conforms.asString()))) {
      out.add(new SchemaCheck.Violation("UNKNOWN_CODE", "/conformsTo", "conformsTo",
          "must be " + CONFORMS_TO));
    }
    constant(doc, "", "@type", "dcat:Catalog", out);
    JsonNode datasets = doc.get("dataset");
    if (!present(datasets)) {
      return out;
    }
    if (!datasets.isArray()) {
      out.add(new SchemaCheck.Violation("WRONG_TYPE", "/dataset", "dataset",
          type(datasets) + " found, array expected"));
      return out;
    }
    for (int i = 0; i < datasets.size(); i++) {
      dataset(datasets.get(i), "/dataset/" + i, out);
    }
    return out;
  }

  private static void dataset(JsonNode d, String at, List<SchemaCheck.Violation> out) {
    if (!d.isObject()) {
      out.add(new SchemaCheck.Violation("WRONG_TYPE", at, null, type(d) + " found, object expected (a dataset)"));
      return;
    }
    required(d, at, REQUIRED, out);
    constant(d, at, "@type", "dcat:Dataset", out);
    text(d, at, "title", 0, out);
    text(d, at, "description", 10_000, out);
    text(d, at, "identifier", 0, out);
    JsonNode kw = d.get("keyword");
    if (present(kw)) {
      if (!kw.isArray()) {
        out.add(new SchemaCheck.Violation("WRONG_TYPE", at + "/keyword", "keyword",
            type(kw) + " found, array expected"));
      } else if (kw.isEmpty()) {
        out.add(new SchemaCheck.Violation("SCHEMA_VIOLATION", at + "/keyword", "keyword",
            "must have at least 1 keyword"));
      } else {
        for (int k = 0; k < kw.size(); k++) {
          JsonNode w = kw.get(k);
          String p = at + "/keyword/" + k;
          if (!w.isString()) {
            out.add(new SchemaCheck.Violation("WRONG_TYPE", p, "keyword", type(w) + " found, string expected"));
          } else if (w.asString().isEmpty() || w.asString().length() > 1000) {
            out.add(new SchemaCheck.Violation("SCHEMA_VIOLATION", p, "keyword",
                "must have 1 to 1000 characters"));
          }
        }
      }
    }
    JsonNode modified = d.get("modified");
    if (present(modified)) {
      if (!modified.isString()) {
        out.add(new SchemaCheck.Violation("WRONG_TYPE", at + "/modified", "modified",
            type(modified) + " found, string expected"));
      } else if (!MODIFIED.matcher(modified.asString()).matches()) {
        out.add(new SchemaCheck.Violation("SCHEMA_VIOLATION", at + "/modified", "modified",
            "must be an ISO 8601 date such as 2024-05-01"));
      }
    }
    JsonNode access = d.get("accessLevel");
    if (present(access) && !(access.isString() && ACCESS_LEVELS.contains(access.asString()))) {
      out.add(new SchemaCheck.Violation("UNKNOWN_CODE", at + "/accessLevel", "accessLevel",
          "must be one of public, restricted public, non-public"));
    }
    JsonNode publisher = d.get("publisher");
    if (present(publisher)) {
      if (!publisher.isObject()) {
        out.add(new SchemaCheck.Violation("WRONG_TYPE", at + "/publisher", "publisher",
            type(publisher) + " found, object expected"));
      } else {
        required(publisher, at + "/publisher", List.of("name"), out);
        text(publisher, at + "/publisher", "name", 0, out);
      }
    }
    JsonNode contact = d.get("contactPoint");
    if (present(contact)) {
      if (!contact.isObject()) {
        out.add(new SchemaCheck.Violation("WRONG_TYPE", at + "/contactPoint", "contactPoint",
            type(contact) + " found, object expected"));
      } else {
        required(contact, at + "/contactPoint", List.of("fn", "hasEmail"), out);
        text(contact, at + "/contactPoint", "fn", 0, out);
        JsonNode mail = contact.get("hasEmail");
        if (present(mail)) {
          if (!mail.isString()) {
            out.add(new SchemaCheck.Violation("WRONG_TYPE", at + "/contactPoint/hasEmail", "hasEmail",
                type(mail) + " found, string expected"));
          } else if (!MAILTO.matcher(mail.asString()).matches()) {
            out.add(new SchemaCheck.Violation("SCHEMA_VIOLATION", at + "/contactPoint/hasEmail", "hasEmail",
                "must be mailto: and an e-mail address (e.g. mailto:equity@example.org)"));
          }
        }
      }
    }
  }

  private static void required(JsonNode o, String at, List<String> names, List<SchemaCheck.Violation> out) {
    for (String n : names) {
      if (!present(o.get(n))) {
        out.add(new SchemaCheck.Violation("REQUIRED_FIELD_MISSING", at, n,
            "required property '" + n + "' not found"));
      }
    }
  }

  private static void constant(JsonNode o, String at, String name, String value, List<SchemaCheck.Violation> out) {
    JsonNode v = o.get(name);
    if (present(v) && !(v.isString() && value.equals(v.asString()))) {
      out.add(new SchemaCheck.Violation("UNKNOWN_CODE", at + "/" + name, name, "must be " + value));
    }
  }

  private static void text(JsonNode o, String at, String name, int max, List<SchemaCheck.Violation> out) {
    JsonNode v = o.get(name);
    if (!present(v)) {
      return;
    }
    if (!v.isString()) {
      out.add(new SchemaCheck.Violation("WRONG_TYPE", at + "/" + name, name, type(v) + " found, string expected"));
    } else if (v.asString().isEmpty()) {
      out.add(new SchemaCheck.Violation("SCHEMA_VIOLATION", at + "/" + name, name, "must not be empty"));
    } else if (max > 0 && v.asString().codePointCount(0, v.asString().length()) > max) {
      out.add(new SchemaCheck.Violation("SCHEMA_VIOLATION", at + "/" + name, name,
          "must have at most " + max + " characters"));
    }
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static String type(JsonNode n) {
    if (n.isObject()) {
      return "object";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isString()) {
      return "string";
    }
    if (n.isIntegralNumber()) {
      return "integer";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    return "null";
  }
}
