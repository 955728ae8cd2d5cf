package org.civicequity.validate.internal.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;

/**
 * The syntax layer: problems the readers meet before any rule runs. Each reader problem code maps
 * to one finding code; the reader's own sentence (what was expected, what was found) is the
 * message.
 */
public final class SyntaxRules {
  private static final Map<String, RuleInfo> BY_READER_CODE = new LinkedHashMap<>();
  private static final Map<String, RuleInfo> BY_CODE = new LinkedHashMap<>();

  static {
    add("ENCODING", "ENCODING_INVALID", Severity.ERROR,
        "The file is not valid UTF-8. The standard's files are UTF-8 (a byte order mark is allowed). "
        + "Save the file again as UTF-8 (in Excel: CSV UTF-8).");
    add("CSV_SYNTAX", "CSV_SYNTAX_ERROR", Severity.ERROR,
        "The CSV file breaks RFC 4180, for example a quoted field that is never closed. Reading stops "
        + "there, so later rows are not validated.");
    add("JSON_SYNTAX", "JSON_SYNTAX_ERROR", Severity.ERROR,
        "A JSON document or NDJSON line is not valid JSON (a missing comma or quote, NaN, "
        + "a truncated file). An NDJSON line with an error is skipped; a JSON document stops there.");
    add("JSON_STRUCTURE", "JSON_STRUCTURE_INVALID", Severity.ERROR,
        "A JSON observations document is not an array of objects (or an object with an "
        + "observations array).");
    add("NOT_AN_OBJECT", "ROW_NOT_AN_OBJECT", Severity.ERROR,
        "A line of an NDJSON file (or an element of a JSON array) is not a JSON object.");
    add("DUPLICATE_KEY", "DUPLICATE_JSON_KEY", Severity.ERROR,
        "A JSON object names the same member twice, so readers disagree on its value. The row is "
        + "skipped.");
    add("NESTING_TOO_DEEP", "JSON_NESTING_TOO_DEEP", Severity.ERROR,
        "JSON is nested deeper than any observation needs; the reader stops there to protect "
        + "memory.");
    add("HEADER_MISSING", "HEADER_MISSING", Severity.ERROR,
        "A CSV file is empty or has no header row: the first line must name the columns.");
    add("HEADER_INVALID", "HEADER_INVALID", Severity.ERROR,
        "The CSV header names a column twice or has an empty column name.");
    add("RAGGED_ROW", "ROW_LENGTH_MISMATCH", Severity.ERROR,
        "A CSV record has more or fewer cells than the header has columns, often an unquoted comma "
        + "in a name. The row is skipped.");
    add("FIELD_TOO_LARGE", "FIELD_TOO_LARGE", Severity.ERROR,
        "A field is longer than any observation needs (1 MiB by default); the row is skipped "
        + "without holding the field in memory.");
    add("ROW_TOO_LARGE", "ROW_TOO_LARGE", Severity.ERROR,
        "An NDJSON line or JSON object is larger than allowed; the row is skipped.");
    add("IO_ERROR", "FILE_READ_ERROR", Severity.ERROR,
        "The file could not be read to the end (a disk or archive error); reading stops there.");
  }

  private SyntaxRules() {
  }

  private static void add(String readerCode, String code, Severity severity, String doc) {
    RuleInfo info = RuleInfo.of(code, severity, Layer.SYNTAX, doc);
    BY_READER_CODE.put(readerCode, info);
    BY_CODE.put(code, info);
  }

  /**
   * The rule of a reader problem code (or of a finding code of this layer).
   *
   * @param code a {@code ReadProblem} code, or a syntax finding code
   * @return the rule information; unknown reader codes map to {@code CSV_SYNTAX_ERROR}'s sibling
   *         {@code FILE_READ_ERROR} so that nothing is lost
   */
  public static RuleInfo info(String code) {
    RuleInfo i = BY_READER_CODE.get(code);
    if (i == null) {
      i = BY_CODE.get(code);
    }
    return i == null ? BY_CODE.get("FILE_READ_ERROR") : i;
  }

  /**
   * Every syntax rule.
   *
   * @return the rules, in documentation order
   */
  public static List<RuleInfo> all() {
    return List.copyOf(BY_CODE.values());
  }
}
