package org.civicequity.publish.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Line and column of every value of a JSON document, by JSON pointer, so that a problem found
 * in the parsed tree can be reported where the user wrote it.
 */
public final class JsonLocator {
  private final Map<String, long[]> positions;

  private JsonLocator(Map<String, long[]> positions) {
    this.positions = positions;
  }

  /**
   * Indexes a document. A document that does not parse is indexed up to the syntax error.
   *
   * @param mapper a mapper to create the parser
   * @param json   the text
   * @return the locator
   */
  public static JsonLocator index(JsonMapper mapper, String json) {
    Map<String, long[]> out = new HashMap<>();
    Deque<Object> path = new ArrayDeque<>(); // String (object member) or int[] (array index)
    try (JsonParser p = mapper.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          path.removeLast();
          path.addLast(p.currentName());
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          path.removeLast();
          continue;
        }
        if (!path.isEmpty() && path.peekLast() instanceof int[] idx) {
          idx[0]++;
        }
        TokenStreamLocation loc = p.currentTokenLocation();
        out.putIfAbsent(pointer(path), new long[] {loc.getLineNr(), loc.getColumnNr()});
        if (t == JsonToken.START_OBJECT) {
          path.addLast("");
        } else if (t == JsonToken.START_ARRAY) {
          path.addLast(new int[] {-1});
        }
      }
    } catch (RuntimeException e) {
      // a syntax error: keep what was indexed; the parse error itself is reported by the caller
    }
    return new JsonLocator(out);
  }

  private static String pointer(Deque<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object o : path) {
      sb.append('/');
      if (o instanceof int[] idx) {
        sb.append(idx[0]);
      } else {
        sb.append(((String) o).replace("~", "~0").replace("/", "~1"));
      }
    }
    return sb.toString();
  }

  /**
   * The position of a value, or of its nearest enclosing value that exists.
   *
   * @param pointer an RFC 6901 pointer
   * @return {line, column}, both from 1, or {0, 0} when unknown
   */
  public long[] locate(String pointer) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      long[] pos = positions.get(p);
      if (pos != null) {
        return pos.clone();
      }
      if (p.isEmpty()) {
        return new long[] {0, 0};
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /**
   * Whether the document has a value at this pointer.
   *
   * @param pointer an RFC 6901 pointer
   * @return true when present
   */
  public boolean has(String pointer) {
    return positions.containsKey(pointer);
  }
}
