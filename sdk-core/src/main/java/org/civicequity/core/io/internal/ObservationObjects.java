package org.civicequity.core.io.internal;

import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadProblem;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * Reads one JSON object into an {@link Observation} straight from the token stream (no tree):
 * members of the standard go to their fields, others to {@code extra}. A null member is an
 * absent one, as the standard says. A member whose JSON type is not the one the standard
 * declares (a number given as a string, a code given as a number, an object, an extension
 * holding an object or array) is kept as text in {@code unparsed}, so that every validating path
 * reports it as a wrong type, as the JSON Schema does. An extension or unknown member that is
 * null is kept in {@code extra} with empty text.
 */
public final class ObservationObjects {
  private static final int MAX_RAW_CHARS = 4_096;
  private static final int FIRST_NUMBER = Observation.FIELDS.indexOf("value");
  private static final int LAST_NUMBER = Observation.FIELDS.indexOf("denominator");

  static {
    for (int i = 0; i < Observation.FIELDS.size(); i++) {
      boolean inRange = i >= FIRST_NUMBER && i <= LAST_NUMBER;
      if (inRange != Observation.NUMERIC_FIELDS.contains(Observation.FIELDS.get(i))) {
        throw new IllegalStateException("the numeric fields are no longer contiguous in "
            + "Observation.FIELDS: update ObservationObjects");
      }
    }
  }

  private static final List<Named> NAMES = Observation.FIELDS.stream().map(Named::fromString)
      .toList();

  private final JsonFactory factory;
  private final int maxFields;
  private final PropertyNameMatcher matcher;

  /**
   * Creates an object reader.
   *
   * @param factory   the factory used to render nested values as text
   * @param maxFields the most members an object may have
   */
  public ObservationObjects(JsonFactory factory, int maxFields) {
    this.factory = factory;
    this.maxFields = maxFields;
    // matches member names against the standard's fields without making a String per name
    this.matcher = factory.constructNameMatcher(NAMES, true);
  }

  /**
   * Reads the object the parser is positioned at.
   *
   * @param p        a parser whose current token is {@link JsonToken#START_OBJECT}
   * @param location the location of the row (with its JSON pointer)
   * @param line     the physical line of the object's start, used for problems
   * @param problems where problems go
   * @return the observation, or null when the object had to be skipped (the parser is then
   *         positioned at its {@link JsonToken#END_OBJECT})
   */
  public Observation read(JsonParser p, SourceLocation location, long line, Problems problems) {
    Observation.Builder b = Observation.builder().location(location);
    int seenStandard = 0;
    Set<String> seenOther = null;
    int members = 0;
    boolean skip = false;
    int match;
    while ((match = p.nextNameMatch(matcher)) != PropertyNameMatcher.MATCH_END_OBJECT) {
      if (match == PropertyNameMatcher.MATCH_ODD_TOKEN) {
        // cannot happen in well-formed JSON (the parser fails first); never leave the loop silently
        problems.report(new ReadProblem(ReadProblem.JSON_SYNTAX, location, 0, "expected a member "
            + "name, found " + p.currentToken() + "; the row is skipped", null));
        return null;
      }
      int index = match >= 0 ? match : -1;
      String name = index >= 0 ? Observation.FIELDS.get(index) : p.currentName();
      JsonToken t = p.nextToken();
      members++;
      if (members > maxFields) {
        if (!skip) {
          problems.report(new ReadProblem(ReadProblem.ROW_TOO_LARGE, location, 0,
              "an observation has more than " + maxFields + " members; the row is skipped", null));
        }
        skip = true;
        p.skipChildren();
        continue;
      }
      boolean duplicate;
      if (index >= 0) {
        duplicate = (seenStandard & (1 << index)) != 0;
        seenStandard |= 1 << index;
      } else {
        if (seenOther == null) {
          seenOther = new HashSet<>();
        }
        duplicate = !seenOther.add(name);
      }
      if (duplicate) {
        problems.report(new ReadProblem(ReadProblem.DUPLICATE_KEY, location.field(name), 0,
            "the member '" + name + "' is given twice in one object; the row is skipped", null));
        skip = true;
        p.skipChildren();
        continue;
      }
      if (skip) {
        p.skipChildren();
        continue;
      }
      member(p, t, name, index, b);
    }
    return skip ? null : b.build();
  }

  private void member(JsonParser p, JsonToken t, String name, int index, Observation.Builder b) {
    boolean numeric = index >= FIRST_NUMBER && index <= LAST_NUMBER;
    switch (t) {
      case VALUE_STRING -> {
        String s = p.getString();
        if (index < 0) {
          b.extra(name, s);
        } else if (numeric) {
          b.unparsed(name, s);
        } else {
          text(b, name, s);
        }
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (numeric) {
          // the rules of Numbers.parse: finite, at most 64 characters, else kept as text
          double d = p.getStringLength() <= 64 ? p.getDoubleValue() : Double.NaN;
          if (Double.isFinite(d)) {
            b.number(name, d);
          } else {
            b.unparsed(name, p.getString());
          }
          return;
        }
        String s = p.getString();
        if (index < 0) {
          b.extra(name, s);
        } else {
          b.unparsed(name, s);
        }
      }
      case START_OBJECT, START_ARRAY -> {
        String raw = raw(p);
        if (index < 0 && !name.startsWith("x-")) {
          b.extra(name, raw); // an unknown field: reported as such, whatever its value
        } else {
          b.unparsed(name, raw); // a field of the standard or an extension must be a scalar
        }
      }
      case VALUE_NULL -> {
        // the standard reads a null member as an absent one
        if (index < 0) {
          b.extra(name, "");
        }
      }
      default -> {
        // true, false
        String s = p.getString();
        if (index < 0) {
          b.extra(name, s);
        } else {
          b.unparsed(name, s);
        }
      }
    }
  }

  private static void text(Observation.Builder b, String name, String s) {
    switch (name) {
      case "indicator" -> b.indicator(s);
      case "geoLevel" -> b.geoLevel(s);
      case "geoId" -> b.geoId(s);
      case "geoName" -> b.geoName(s);
      case "period" -> b.period(s);
      case "raceEthnicity" -> b.raceEthnicity(s);
      case "sex" -> b.sex(s);
      case "age" -> b.age(s);
      case "income" -> b.income(s);
      case "disability" -> b.disability(s);
      case "nativity" -> b.nativity(s);
      case "status" -> b.status(s);
      case "note" -> b.note(s);
      default -> throw new IllegalStateException("not a text field: " + name);
    }
  }

  /** Renders the nested value at the parser as JSON text, keeping at most a few KiB of it. */
  private String raw(JsonParser p) {
    BoundedWriter w = new BoundedWriter(MAX_RAW_CHARS);
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), w)) {
      g.copyCurrentStructureExact(p);
    }
    return w.text();
  }

  /** A writer that keeps the first characters written to it and counts the rest. */
  private static final class BoundedWriter extends Writer {
    private final StringBuilder sb = new StringBuilder();
    private final int max;
    private boolean cut;

    BoundedWriter(int max) {
      this.max = max;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      int room = max - sb.length();
      if (len > room) {
        cut = true;
      }
      sb.append(cbuf, off, Math.max(0, Math.min(room, len)));
    }

    String text() {
      return cut ? sb + "\u2026" : sb.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
