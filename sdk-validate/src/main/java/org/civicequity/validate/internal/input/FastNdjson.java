package org.civicequity.validate.internal.input;

import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The fast path for NDJSON chunks: one streaming parser over the whole chunk (not one per line).
 * It handles clean input only and gives up (returns false) on anything unusual (a syntax error,
 * a value that is not an object, two objects on a line or one across lines, a duplicate member,
 * null, true, false, objects or arrays as member values, over-long numbers): the caller then
 * reads the chunk with the SDK's reader, which reports the problem exactly. Thread-safe.
 */
final class FastNdjson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
  private static final int MAX_MEMBERS = 1_000;

  private FastNdjson() {
  }

  /**
   * Parses a clean chunk.
   *
   * @param c    the chunk
   * @param file the file name for locations
   * @param out  where observations go (cleared first)
   * @return true when the whole chunk was parsed; false when the SDK's reader must read it
   */
  static boolean parse(Chunk c, String file, List<Object> out) {
    out.clear();
    if (c.longest() > ReadOptions.DEFAULT_MAX_ROW_BYTES) {
      return false;
    }
    FastObservations b = FastObservations.forThisThread();
    Names names = new Names();
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), c.data(), 0, c.length())) {
      long row = c.firstRow();
      long lastLine = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT) {
          return false;
        }
        long line = p.currentTokenLocation().getLineNr();
        if (line == lastLine) {
          return false;
        }
        lastLine = line;
        if (!object(p, b, names)) {
          return false;
        }
        if (p.currentTokenLocation().getLineNr() != line) {
          return false;
        }
        out.add(b.build(new SourceLocation(file, row++, c.firstLine() + line - 1, null, "")));
      }
      ChunkedFileSource.count(ChunkedFileSource.Path.NDJSON_JACKSON);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  /**
   * The field index of each member name, remembered by position: rows of one file repeat their
   * layout, and the parser hands out the same name instances, so most look-ups are one identity
   * check.
   */
  private static final class Names {
    private final String[] names = new String[32];
    private final int[] indexes = new int[32];

    int index(int position, String name) {
      if (position < names.length) {
        if (names[position] == name) {
          return indexes[position];
        }
        names[position] = name;
        return indexes[position] = FastObservations.index(name);
      }
      return FastObservations.index(name);
    }
  }

  private static boolean object(JsonParser p, FastObservations b, Names names) {
    int seen = 0;
    java.util.Set<String> seenOther = null;
    int members = 0;
    String name;
    while ((name = p.nextName()) != null) {
      if (++members > MAX_MEMBERS) {
        return false;
      }
      JsonToken t = p.nextToken();
      int i = names.index(members - 1, name);
      if (i >= 0) {
        if ((seen & (1 << i)) != 0) {
          return false;
        }
        seen |= 1 << i;
      } else {
        if (seenOther == null) {
          seenOther = new java.util.HashSet<>();
        }
        if (!seenOther.add(name)) {
          return false;
        }
      }
      switch (t) {
        case VALUE_STRING -> {
          if (p.getStringLength() > ReadOptions.DEFAULT_MAX_FIELD_CHARS) {
            return false;
          }
          if (i < 0) {
            b.extra(name, p.getString());
          } else if (FastObservations.numeric(i)) {
            b.unparsed(name, p.getString());
          } else {
            b.text(i, p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
          }
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          if (i >= 0 && FastObservations.numeric(i)) {
            int len = p.getStringLength();
            if (len > 64) {
              return false;
            }
            double d = p.getDoubleValue();
            if (Double.isFinite(d)) {
              b.number(i, d);
            } else {
              b.unparsed(name, p.getString());
            }
          } else if (i < 0) {
            b.extra(name, p.getString());
          } else {
            b.unparsed(name, p.getString());
          }
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }
}
