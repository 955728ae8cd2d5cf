package org.civicequity.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a JSON document of observations, streaming: a top-level array of objects, or an object
 * whose {@code observations} member is that array (other members are skipped). Pointers are
 * {@code /3} or {@code /observations/3}. A syntax error ends the file (JSON cannot be
 * resynchronised); a member that is not an object is reported and skipped.
 */
public final class JsonArrayRowSource implements RowSource {
  private final String file;
  private final Problems problems;
  private final ObservationObjects objects;
  private final JsonParser parser;
  private String prefix;
  private long index;
  private boolean done;

  /**
   * Creates a reader.
   *
   * @param in       the bytes (closed by {@link #close()})
   * @param file     the file name used in locations
   * @param options  the limits
   * @param problems where problems go
   */
  public JsonArrayRowSource(InputStream in, String file, ReadOptions options, Problems problems) {
    this.file = file;
    this.problems = problems;
    JsonFactory factory = JsonSupport.factory(options);
    this.objects = new ObservationObjects(factory, options.maxFieldsPerRow());
    JsonParser p = null;
    try {
      p = factory.createParser(ObjectReadContext.empty(), in);
    } catch (JacksonException e) {
      closeQuietly(in);
      done = true;
      problems.report(JsonSupport.problem(e, file, 0, 0, ""));
    }
    this.parser = p;
  }

  private boolean start() {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.START_ARRAY) {
      prefix = "";
      return true;
    }
    if (t == JsonToken.START_OBJECT) {
      String name;
      while ((name = parser.nextName()) != null) {
        JsonToken v = parser.nextToken();
        if (name.equals("observations") && v == JsonToken.START_ARRAY) {
          prefix = "/observations";
          return true;
        }
        parser.skipChildren();
      }
    }
    problems.report(new ReadProblem(ReadProblem.JSON_STRUCTURE, new SourceLocation(file, 0,
        line(), null, ""), 0, "expected an array of observations or an object with an "
        + "\"observations\" array, found " + (t == JsonToken.START_OBJECT
        ? "an object without an \"observations\" array" : NdjsonRowSource.describe(t)), null));
    return false;
  }

  @Override
  public Observation next() {
    if (done || parser == null) {
      return null;
    }
    try {
      if (prefix == null && !start()) {
        done = true;
        return null;
      }
      while (true) {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
          done = true;
          checkEnd();
          return null;
        }
        long row = ++index;
        SourceLocation loc = new SourceLocation(file, row, line(), null,
            prefix + "/" + (row - 1));
        if (t != JsonToken.START_OBJECT) {
          long column = parser.currentTokenLocation().getColumnNr();
          parser.skipChildren();
          problems.report(new ReadProblem(ReadProblem.NOT_AN_OBJECT, loc, Math.max(0, column),
              "expected an observation object, found " + NdjsonRowSource.describe(t), null));
          continue;
        }
        Observation o = objects.read(parser, loc, loc.line(), problems);
        if (o != null) {
          return o;
        }
      }
    } catch (JacksonException e) {
      fail(e);
      return null;
    }
  }

  /** After the array: the rest of the enclosing object, then nothing but white space. */
  private void checkEnd() {
    if (!prefix.isEmpty()) {
      while (parser.nextName() != null) {
        parser.nextToken();
        parser.skipChildren();
      }
    }
    JsonToken t = parser.nextToken();
    if (t != null) {
      problems.report(new ReadProblem(ReadProblem.JSON_SYNTAX, new SourceLocation(file, 0, line(),
          null, null), parser.currentTokenLocation().getColumnNr(), "expected the end of the "
          + "document, found more JSON (" + NdjsonRowSource.describe(t) + ")", null));
    }
  }

  private void fail(JacksonException e) {
    done = true;
    problems.report(JsonSupport.problem(e, file, index, 0,
        prefix == null ? "" : prefix + "/" + Math.max(0, index - 1)));
  }

  private long line() {
    int l = parser.currentTokenLocation().getLineNr();
    return Math.max(l, 0);
  }

  @Override
  public long rowsRead() {
    return index;
  }

  @Override
  public List<String> columns() {
    return List.of();
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.close();
      }
    } catch (JacksonException e) {
      // closing a stream we only read from: nothing useful to do
    }
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing useful to do
    }
  }
}
