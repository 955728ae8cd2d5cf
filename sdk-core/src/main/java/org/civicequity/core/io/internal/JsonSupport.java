package org.civicequity.core.io.internal;

import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/** The JSON parser factory of the readers and the translation of parse errors into problems. */
public final class JsonSupport {
  private JsonSupport() {
  }

  /**
   * A parser factory enforcing the reader's limits: string length, nesting depth. Jackson's
   * parser is iterative, so deep nesting is refused by the limit, never by a stack overflow.
   *
   * @param options the limits
   * @return a new factory
   */
  public static JsonFactory factory(ReadOptions options) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(options.maxFieldChars())
            .maxNameLength(Math.min(options.maxFieldChars(), 50_000))
            .maxNestingDepth(options.maxNestingDepth())
            .build())
        .build();
  }

  /**
   * Turns a Jackson parse error into a problem.
   *
   * @param e          the error
   * @param file       the file name
   * @param row        the data row the error belongs to (0 when none)
   * @param lineOffset added to the parser's line number (for a parser reading one line of a file,
   *                   the line number of that line minus one)
   * @param pointer    the JSON pointer of the row, or null
   * @return the problem
   */
  public static ReadProblem problem(JacksonException e, String file, long row, long lineOffset,
      String pointer) {
    TokenStreamLocation at = e.getLocation();
    long line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr() + lineOffset;
    long column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
    SourceLocation loc = new SourceLocation(file, row, line, null, pointer);
    String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
        : e.getOriginalMessage();
    String first = firstLine(original);
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return new ReadProblem(ReadProblem.NESTING_TOO_DEEP, loc, column,
            "JSON nested deeper than the limit of the reader: " + first, null);
      }
      return new ReadProblem(ReadProblem.FIELD_TOO_LARGE, loc, column,
          "a JSON value is longer than the limit of the reader: " + first, null);
    }
    if (original.contains("Invalid UTF-8") || original.contains("Invalid UTF8")) {
      return new ReadProblem(ReadProblem.ENCODING, loc, column,
          "expected UTF-8 text: " + first, null);
    }
    return new ReadProblem(ReadProblem.JSON_SYNTAX, loc, column, "invalid JSON: " + first, null);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
