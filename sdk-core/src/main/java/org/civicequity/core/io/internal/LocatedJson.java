package org.civicequity.core.io.internal;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a small JSON document (a manifest, an indicators file) into a tree while remembering the
 * physical line of every value by its JSON pointer, so that schema violations can be located.
 * Duplicate member names are reported (the first value is kept); syntax errors, invalid UTF-8,
 * over-long strings and over-deep nesting are reported and leave no tree.
 */
public final class LocatedJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String file;
  private final Problems problems;
  private final Map<String, Long> lines = new HashMap<>();
  private JsonNode tree;

  private LocatedJson(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  /**
   * Reads a document.
   *
   * @param in       the bytes; closed here
   * @param file     the file name used in locations
   * @param options  limits (string length, nesting depth)
   * @param problems where problems go
   * @return the result; {@link #tree()} is null when the document could not be parsed
   */
  public static LocatedJson read(InputStream in, String file, ReadOptions options,
      Problems problems) {
    LocatedJson doc = new LocatedJson(file, problems);
    JsonFactory factory = JsonSupport.factory(options);
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.report(new ReadProblem(ReadProblem.JSON_SYNTAX, SourceLocation.ofFile(file), 0,
            "expected a JSON document, found an empty file", null));
        return doc;
      }
      JsonNode root = doc.value(p, t, "");
      JsonToken after = p.nextToken();
      if (after != null) {
        problems.report(new ReadProblem(ReadProblem.JSON_SYNTAX, new SourceLocation(file, 0,
            p.currentTokenLocation().getLineNr(), null, null),
            p.currentTokenLocation().getColumnNr(), "expected the end of the document, found "
            + "more JSON", null));
        return doc;
      }
      doc.tree = root;
    } catch (JacksonException e) {
      problems.report(JsonSupport.problem(e, file, 0, 0, null));
    }
    return doc;
  }

  private JsonNode value(JsonParser p, JsonToken t, String pointer) {
    lines.put(pointer, (long) p.currentTokenLocation().getLineNr());
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        String name;
        while ((name = p.nextName()) != null) {
          JsonToken v = p.nextToken();
          String child = pointer + "/" + escape(name);
          if (o.has(name)) {
            problems.report(new ReadProblem(ReadProblem.DUPLICATE_KEY, new SourceLocation(file, 0,
                p.currentTokenLocation().getLineNr(), null, child),
                p.currentTokenLocation().getColumnNr(), "the member '" + name + "' is given twice"
                + " in one object; the first value is used", null));
            p.skipChildren();
            continue;
          }
          o.set(name, value(p, v, child));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        JsonToken v;
        int i = 0;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(value(p, v, pointer + "/" + i++));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.stringNode(p.getString());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT, LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** @return the parsed tree, or null when the document could not be parsed */
  public JsonNode tree() {
    return tree;
  }

  /** @return a copy of the line index: JSON pointer to physical line */
  public Map<String, Long> lines() {
    return Map.copyOf(lines);
  }
}
