package org.civicequity.publish.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicequity.core.Numbers;
import org.civicequity.publish.internal.MappingModel.MarkerRule;
import org.civicequity.publish.internal.MappingModel.Markers;

/**
 * Reads one cell (thread-safe: conversion reads rows on several threads): Excel formula wrappers ({@code ="24510260605"}), missing-value markers (each
 * becomes a status, never a number), thousands separators, decimal commas, and a leading
 * {@code $} or trailing {@code %}.
 */
public final class CellParser {
  private static final Pattern FORMULA_TEXT = Pattern.compile("^=\"(.*)\"$", Pattern.DOTALL);

  /**
   * A parsed cell.
   *
   * @param raw     the text as read (after unwrapping a formula)
   * @param number  the number, or null
   * @param status  a status from a marker, or null
   * @param note    a note from a marker, or null
   * @param marker  whether the text is a declared marker
   */
  public record Cell(String raw, Double number, String status, String note, boolean marker) {
    /**
     * Whether the cell is empty.
     *
     * @return true when empty
     */
    public boolean blank() {
      return raw.isEmpty();
    }

    /**
     * Whether the cell is neither empty, nor a number, nor a marker.
     *
     * @return true when it is unusable as a number
     */
    public boolean notANumber() {
      return !raw.isEmpty() && number == null && !marker;
    }
  }

  /** An empty cell (a record, so one serves every empty cell). */
  private static final Cell EMPTY = new Cell("", null, null, null, false);

  private final Markers markers;
  private final java.util.Map<String, ColumnRules> rulesByColumn =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Character thousands;
  private final char decimal;
  private final Pattern grouped;

  /**
   * Creates a parser.
   *
   * @param markers   the mapping's markers
   * @param thousands the thousands separator, or null
   * @param decimal   the decimal separator
   */
  public CellParser(Markers markers, Character thousands, char decimal) {
    this.markers = markers;
    this.thousands = thousands;
    this.decimal = decimal;
    this.grouped = thousands == null ? null : Pattern.compile("^[+-]?[0-9]{1,3}(" + Pattern.quote(thousands.toString())
        + "[0-9]{3})+(" + Pattern.quote(Character.toString(decimal)) + "[0-9]+)?$");
  }

  /**
   * The text of a cell for text fields: formula wrappers removed, surrounding spaces trimmed.
   *
   * @param text the raw cell
   * @return the clean text, never null
   */
  public static String text(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    if (t.length() >= 3 && t.charAt(0) == '=' && t.charAt(1) == '"' && t.charAt(t.length() - 1) == '"') {
      Matcher m = FORMULA_TEXT.matcher(t);
      if (m.matches()) {
        t = m.group(1).strip();
      }
    }
    return t;
  }

  /**
   * Parses a cell of a value column.
   *
   * @param rawText the cell
   * @param column  its column name (markers can be limited to columns)
   * @return the parsed cell
   */
  public Cell value(String rawText, String column) {
    String t = text(rawText);
    if (t.isEmpty()) {
      return EMPTY;
    }
    ColumnRules rules = rules(column);
    if (rules.decimalsAreNumbers() && decimal == '.') {
      Double n = plainDecimal(t);
      if (n != null) {
        return new Cell(t, n, null, null, false);
      }
    }
    for (MarkerRule r : rules.rules()) {
      if (r.values().contains(t)) {
        return new Cell(t, null, r.status(), note(r, t), true);
      }
      if (r.pattern() != null) {
        Matcher m = r.pattern().matcher(t);
        if (m.matches()) {
          Double n = null;
          if (MappingBuilder.groups(r.pattern()).contains("value") && m.group("value") != null) {
            n = number(m.group("value"));
          }
          return new Cell(t, n, r.status(), note(r, t), true);
        }
      }
    }
    return new Cell(t, number(t), null, null, false);
  }

  /**
   * The fast path of {@link #value} and {@link #moe} for the common cell, a plain decimal that no
   * marker of the column can match: its number, without the {@link Cell} (a conversion reads
   * millions of such cells).
   *
   * @param rawText the cell
   * @param column  its column name
   * @param moe     whether it is a margin-of-error cell (whose markers are looked up first)
   * @return the number, or NaN when {@link #value} or {@link #moe} must decide
   */
  public double plainNumber(String rawText, String column, boolean moe) {
    if (decimal != '.') {
      return Double.NaN;
    }
    String t = text(rawText);
    if (t.isEmpty() || (moe && markers.moe().containsKey(t)) || !rules(column).decimalsAreNumbers()) {
      return Double.NaN;
    }
    return plainDecimalValue(t);
  }

  /**
   * The marker rules that apply to a column.
   *
   * @param rules          the rules, in order
   * @param decimalsAreNumbers whether no rule can match a plain decimal (no pattern, no plain
   *                       decimal among the values), so such a cell is a number without a look-up
   */
  private record ColumnRules(java.util.List<MarkerRule> rules, boolean decimalsAreNumbers) {
  }

  /** The marker rules that apply to a column (computed once per column; thread-safe). */
  private ColumnRules rules(String column) {
    String key = column == null ? "" : column;
    ColumnRules list = rulesByColumn.get(key);
    if (list == null) {
      java.util.List<MarkerRule> l = new java.util.ArrayList<>();
      boolean decimalsAreNumbers = true;
      for (MarkerRule r : markers.rules()) {
        if (r.columns() == null || (column != null && r.columns().matcher(column).matches())) {
          l.add(r);
          decimalsAreNumbers &= r.pattern() == null && r.values().stream().allMatch(v -> plainDecimal(v) == null);
        }
      }
      list = new ColumnRules(java.util.List.copyOf(l), decimalsAreNumbers);
      rulesByColumn.putIfAbsent(key, list);
    }
    return list;
  }

  private static String note(MarkerRule r, String text) {
    return r.note() != null ? r.note() : "the source shows '" + text + "'";
  }

  /**
   * Parses a margin-of-error cell: a mapping's MOE markers first (e.g. ACS {@code *****} = 0),
   * then like a value.
   *
   * @param rawText the cell
   * @param column  its column name
   * @return the parsed cell; a marker without a number gives a cell with a note and no status
   */
  public Cell moe(String rawText, String column) {
    String t = text(rawText);
    if (markers.moe().containsKey(t)) {
      Double n = markers.moe().get(t);
      return new Cell(t, n, null, n == null ? "no margin of error (the source shows '" + t + "')" : null, true);
    }
    Cell c = value(rawText, column);
    if (c.status() != null && c.number() == null) {
      // a marker in a margin-of-error cell says there is no margin of error, not that the value is missing
      return new Cell(t, null, null, "no margin of error (the source shows '" + t + "')", true);
    }
    return c;
  }

  /**
   * Parses a number with the configured separators.
   *
   * @param text the text
   * @return the number, or null
   */
  public Double number(String text) {
    Double plain = decimal == '.' ? plainDecimal(text) : null;
    if (plain != null) {
      return plain;
    }
    String t = text.strip();
    if (t.startsWith("$")) {
      t = t.substring(1).strip();
    } else if (t.startsWith("-$")) {
      t = "-" + t.substring(2).strip();
    }
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    if (grouped != null && t.indexOf(thousands) >= 0 && grouped.matcher(t).matches()) {
      t = t.replace(thousands.toString(), "");
    }
    if (decimal != '.') {
      if (t.indexOf('.') >= 0) {
        return null;
      }
      t = t.replace(decimal, '.');
    }
    return Numbers.parse(t);
  }

  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
      1e13, 1e14, 1e15};

  /**
   * The fast path for the common cell, a plain decimal ({@code 12}, {@code -3.25}) of at most 15
   * digits: the digits as an integer divided by a power of ten. Both are exact doubles, so the
   * one division is correctly rounded and gives the same double as {@link Double#parseDouble}.
   *
   * @param t the text
   * @return the number, or null when the text is not such a decimal (then the general path decides)
   */
  static Double plainDecimal(String t) {
    double d = plainDecimalValue(t);
    return Double.isNaN(d) ? null : d;
  }

  /**
   * {@link #plainDecimal} without the box.
   *
   * @param t the text
   * @return the number, or NaN when the text is not such a decimal
   */
  static double plainDecimalValue(String t) {
    int n = t.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && t.charAt(0) == '-') {
      negative = true;
      i = 1;
    }
    if (i >= n || n - i > 16) {
      return Double.NaN;
    }
    long digits = 0;
    int count = 0;
    int decimals = -1;
    for (; i < n; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0 && count > 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || count > 15 || decimals == 0) {
      return Double.NaN;
    }
    double d = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : (double) digits;
    return negative ? -d : d;
  }
}
