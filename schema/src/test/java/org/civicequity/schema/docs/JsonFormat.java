package org.civicequity.schema.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Writes JSON the way the standard's files are formatted: a value that fits in {@value #WIDTH}
 * columns stays on one line, larger objects and arrays are broken one member per line (arrays of
 * scalars are packed), two spaces of indentation, a final newline. Deterministic: member order
 * is the node's order.
 */
public final class JsonFormat {
  /** The line width a value must fit to stay on one line. */
  public static final int WIDTH = 110;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonFormat() {
  }

  /**
   * Formats a document.
   *
   * @param node the JSON value
   * @return the text, ending with a newline
   */
  public static String format(JsonNode node) {
    return format(node, 0) + "\n";
  }

  private static String format(JsonNode v, int indent) {
    String inline = inline(v);
    if (!v.isContainer() || inline.length() + indent <= WIDTH) {
      return inline;
    }
    String pad = " ".repeat(indent + 2);
    StringBuilder sb = new StringBuilder();
    if (v.isObject()) {
      sb.append("{\n");
      List<String> members = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        members.add(pad + scalar(StringNode.valueOf(e.getKey())) + ": " + format(e.getValue(), indent + 2));
      }
      sb.append(String.join(",\n", members)).append('\n').append(" ".repeat(indent)).append('}');
      return sb.toString();
    }
    boolean scalars = true;
    for (JsonNode x : v) {
      scalars &= !x.isContainer();
    }
    sb.append("[\n");
    if (scalars) {
      List<String> lines = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      for (JsonNode x : v) {
        String t = inline(x);
        if (cur.length() > 0 && pad.length() + cur.length() + 2 + t.length() > WIDTH) {
          lines.add(cur + ",");
          cur = new StringBuilder(t);
        } else {
          if (cur.length() > 0) {
            cur.append(", ");
          }
          cur.append(t);
        }
      }
      lines.add(cur.toString());
      for (int i = 0; i < lines.size(); i++) {
        sb.append(pad).append(lines.get(i)).append('\n');
      }
    } else {
      List<String> items = new ArrayList<>();
      for (JsonNode x : v) {
        items.add(pad + format(x, indent + 2));
      }
      sb.append(String.join(",\n", items)).append('\n');
    }
    return sb.append(" ".repeat(indent)).append(']').toString();
  }

  /**
   * One-line form with {@code ", "} and {@code ": "} separators.
   *
   * @param v a JSON value
   * @return its text on one line
   */
  public static String inline(JsonNode v) {
    if (v.isObject()) {
      List<String> members = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        members.add(scalar(StringNode.valueOf(e.getKey())) + ": " + inline(e.getValue()));
      }
      return "{" + String.join(", ", members) + "}";
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode x : v) {
        items.add(inline(x));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return scalar(v);
  }

  private static String scalar(JsonNode v) {
    return MAPPER.writeValueAsString(v);
  }
}
