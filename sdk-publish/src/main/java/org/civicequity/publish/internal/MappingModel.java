package org.civicequity.publish.internal;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicequity.core.IndicatorSource;
import tools.jackson.databind.JsonNode;

/** The parsed, checked form of a mapping file (after {@code extends} is resolved). Immutable. */
public final class MappingModel {
  private MappingModel() {
  }

  /**
   * A whole mapping.
   *
   * @param name              the mapping's slug, or null
   * @param title             a title, or null
   * @param description       a description, or null
   * @param origin            the file (or recipe) the mapping was read from, for messages
   * @param input             how to read the input
   * @param wide              true for the wide layout
   * @param fields            row-level field sources by field name
   * @param constants         constant fields
   * @param columnRules       the rules of the wide layout
   * @param ignoreColumns     columns that are neither fields nor values
   * @param markers           missing-value markers
   * @param geography         geography handling
   * @param indicators        declared indicators by id, in declaration order
   * @param derived           derived indicators
   * @param estimateSuffixes  suffixes of estimate columns
   * @param moeSuffixes       suffixes of margin-of-error columns
   * @param feed              the feed metadata node, or null
   */
  public record Spec(String name, String title, String description, String origin, Input input, boolean wide,
      Map<String, FieldSpec> fields, Map<String, String> constants, List<ColumnRule> columnRules,
      List<Pattern> ignoreColumns, Markers markers, GeographySpec geography, Map<String, IndicatorSpec> indicators,
      List<DerivedSpec> derived, List<String> estimateSuffixes, List<String> moeSuffixes, JsonNode feed) {

    /**
     * Copies the collections.
     */
    public Spec {
      fields = Map.copyOf(fields);
      constants = Map.copyOf(constants);
      columnRules = List.copyOf(columnRules);
      ignoreColumns = List.copyOf(ignoreColumns);
      indicators = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indicators));
      derived = List.copyOf(derived);
      estimateSuffixes = List.copyOf(estimateSuffixes);
      moeSuffixes = List.copyOf(moeSuffixes);
    }

    /**
     * A copy with more constants (from the command line); they win over the mapping's.
     *
     * @param more field to value
     * @return the new spec
     */
    public Spec withConstants(Map<String, String> more) {
      Map<String, String> c = new java.util.HashMap<>(constants);
      c.putAll(more);
      return new Spec(name, title, description, origin, input, wide, fields, c, columnRules, ignoreColumns,
          markers, geography, indicators, derived, estimateSuffixes, moeSuffixes, feed);
    }
  }

  /**
   * How to read the input.
   *
   * @param format              csv, xlsx, or null to use the file name
   * @param sheet               an xlsx sheet name, or null for the first
   * @param delimiter           the CSV delimiter
   * @param charset             the CSV encoding; UTF-8 drops a byte order mark
   * @param headerRow           the header row, from 1
   * @param labelRow            the label row, or 0
   * @param skipRowsAfterHeader rows after the header (and label row) that are not data
   * @param footer              footnote rows, or null
   * @param footerEndsData      whether the first footnote ends the data
   * @param stopAtBlankRow      whether the first blank row ends the data
   * @param skipWhen            rows to skip
   * @param thousands           the thousands separator, or null
   * @param decimal             the decimal separator
   */
  public record Input(String format, String sheet, char delimiter, Charset charset, int headerRow, int labelRow,
      int skipRowsAfterHeader, Pattern footer, boolean footerEndsData, boolean stopAtBlankRow,
      List<SkipWhen> skipWhen, Character thousands, char decimal) {
    /** Copies the list. */
    public Input {
      skipWhen = List.copyOf(skipWhen);
    }
  }

  /**
   * Skip a row when a column matches.
   *
   * @param column  the column name
   * @param pattern the pattern (whole text)
   */
  public record SkipWhen(String column, Pattern pattern) {
  }

  /**
   * Where a field's value comes from.
   *
   * @param field             the standard's field name
   * @param columns           candidate columns (first present wins); empty for a constant
   * @param constant          a constant, or null
   * @param pattern           a pattern over the cell, or null
   * @param template          a template filled from the pattern's groups, or null
   * @param map               a value map, or null
   * @param scale             a factor for numbers, or null
   * @param geoLevelFromGeoId derive a level from the geoId cell
   * @param required          whether a missing column is an error (true), not worth a warning
   *                          (false), or unspecified (null: a warning, an error for value)
   * @param pointer           where it was declared (JSON pointer), for messages
   */
  public record FieldSpec(String field, List<String> columns, String constant, Pattern pattern, String template,
      ValueMap map, Double scale, boolean geoLevelFromGeoId, Boolean required, String pointer) {
    /** Copies the list. */
    public FieldSpec {
      columns = List.copyOf(columns);
    }
  }

  /**
   * A value map.
   *
   * @param exact    exact keys
   * @param folded   keys folded to lower case without surrounding spaces
   * @param fallback the value for other text when {@code hasFallback}
   * @param hasFallback whether a default ({@code *}) exists
   */
  public record ValueMap(Map<String, String> exact, Map<String, String> folded, String fallback, boolean hasFallback) {

    /**
     * Maps a text.
     *
     * @param text the source text
     * @return the mapped value (null is a valid mapping to "absent"), or the text itself when
     *     it is not mapped and there is no default
     */
    public String apply(String text) {
      if (text == null) {
        return hasFallback ? fallback : null;
      }
      String v = exact.get(text);
      if (v != null || exact.containsKey(text)) {
        return v;
      }
      String f = text.strip().toLowerCase(java.util.Locale.ROOT);
      if (folded.containsKey(f)) {
        return folded.get(f);
      }
      return hasFallback ? fallback : text;
    }

    /**
     * Whether the text has a mapping (or a default applies).
     *
     * @param text the text
     * @return true when mapped
     */
    public boolean maps(String text) {
      return text != null && (hasFallback || exact.containsKey(text)
          || folded.containsKey(text.strip().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /**
   * A rule of the wide layout.
   *
   * @param pattern     the pattern over column names
   * @param set         field setters
   * @param measure     the numeric field the column fills
   * @param indicatorBy how indicator text is resolved
   * @param unknown     error, ignore or declare
   * @param auto        the automatic declaration, or null
   * @param pointer     where the rule was declared
   */
  public record ColumnRule(Pattern pattern, Map<String, Setter> set, Setter measure, String indicatorBy,
      String unknown, AutoIndicator auto, String pointer) {
    /** Copies the map. */
    public ColumnRule {
      set = Map.copyOf(set);
    }
  }

  /**
   * A value from a column name's groups.
   *
   * @param template text with {group} placeholders, or null to take {@code group}
   * @param group    the group, or null
   * @param map      a value map, or null
   */
  public record Setter(String template, String group, ValueMap map) {
  }

  /**
   * How indicators unknown to the mapping are declared.
   *
   * @param name          name template
   * @param description   description template
   * @param domain        domain code
   * @param unit          unit code
   * @param polarity      polarity code
   * @param unitFromLabel units by label pattern
   * @param source        the source
   */
  public record AutoIndicator(String name, String description, String domain, String unit, String polarity,
      List<UnitRule> unitFromLabel, IndicatorSource source) {
    /** Copies the list. */
    public AutoIndicator {
      unitFromLabel = List.copyOf(unitFromLabel);
    }
  }

  /**
   * A unit chosen by a label pattern.
   *
   * @param pattern the pattern (found anywhere in the label)
   * @param unit    the unit
   */
  public record UnitRule(Pattern pattern, String unit) {
  }

  /**
   * Markers of missing values.
   *
   * @param rules marker rules, in order
   * @param moe   margin-of-error cell texts: a number, or null for "no margin of error"
   */
  public record Markers(List<MarkerRule> rules, Map<String, Double> moe) {
    /** Copies the collections (the moe map may hold null values). */
    public Markers {
      rules = List.copyOf(rules);
      moe = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(moe));
    }
  }

  /**
   * A marker rule.
   *
   * @param values  exact texts
   * @param pattern a pattern (whole text) whose group {@code value}, if any, keeps a number
   * @param status  the status
   * @param note    a note, or null
   * @param columns columns it applies to, or null for all
   */
  public record MarkerRule(Set<String> values, Pattern pattern, String status, String note, Pattern columns) {
    /** Copies the set. */
    public MarkerRule {
      values = Set.copyOf(values);
    }
  }

  /**
   * Geography handling.
   *
   * @param level  the default level, or null
   * @param pad    whether to pad numeric GEOIDs
   * @param custom custom areas, or null
   */
  public record GeographySpec(String level, boolean pad, CustomGeo custom) {
  }

  /**
   * Custom areas by name.
   *
   * @param aliases       other name to canonical name
   * @param crosswalk     the tract crosswalk, or null
   * @param parentGeoId   the enclosing GEOID, or null
   * @param acceptUnknown whether unknown names become new areas
   */
  public record CustomGeo(Map<String, String> aliases, Crosswalk crosswalk, String parentGeoId, boolean acceptUnknown) {
    /** Copies the map. */
    public CustomGeo {
      aliases = Map.copyOf(aliases);
    }
  }

  /**
   * A tract crosswalk.
   *
   * @param file        a resolved reference ({@code classpath:...} or an absolute path)
   * @param nameColumn  the area name column
   * @param tractColumn the tract GEOID column
   * @param skipNames   names that are not areas
   */
  public record Crosswalk(String file, String nameColumn, String tractColumn, Set<String> skipNames) {
    /** Copies the set. */
    public Crosswalk {
      skipNames = Set.copyOf(skipNames);
    }
  }

  /**
   * A declared indicator.
   *
   * @param id              the id
   * @param codes           short codes
   * @param aliases         other names
   * @param name            the name
   * @param description     the description, or null
   * @param domain          the domain, or null
   * @param unit            the unit
   * @param sourceUnit      the unit of source values, or null
   * @param polarity        the polarity, or null
   * @param periodType      year, acs5 or acs1
   * @param numerator       numerator text, or null
   * @param denominator     denominator text, or null
   * @param universe        universe, or null
   * @param source          the source, or null
   * @param methodology     methodology, or null
   * @param confidenceLevel confidence level, or null
   * @param equivalentTo    core indicator id, or null
   * @param pointer         where it was declared
   */
  public record IndicatorSpec(String id, List<String> codes, List<String> aliases, String name, String description,
      String domain, String unit, String sourceUnit, String polarity, String periodType, String numerator,
      String denominator, String universe, IndicatorSource source, String methodology, Double confidenceLevel,
      String equivalentTo, String pointer) {
    /** Copies the lists. */
    public IndicatorSpec {
      codes = List.copyOf(codes);
      aliases = List.copyOf(aliases);
    }
  }

  /**
   * A derived indicator.
   *
   * @param indicator       the indicator id
   * @param value           the operand tree
   * @param scale           a factor, or null
   * @param decimals        rounding of value and MOE, or null
   * @param set             constant fields
   * @param forEach         repetitions: key to fields
   * @param reportFraction  whether to report numerator and denominator
   * @param pointer         where it was declared
   */
  public record DerivedSpec(String indicator, Operand value, Double scale, Integer decimals, Map<String, String> set,
      Map<String, Map<String, String>> forEach, boolean reportFraction, String pointer) {
    /** Copies the maps, keeping forEach's order. */
    public DerivedSpec {
      set = Map.copyOf(set);
      forEach = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(forEach));
    }
  }

  /** An input of a derived estimate. */
  public sealed interface Operand permits ColumnOperand, OperationOperand, ConstantOperand {
  }

  /**
   * A base column name.
   *
   * @param base the base name, may contain {each}
   */
  public record ColumnOperand(String base) implements Operand {
  }

  /**
   * An operation.
   *
   * @param op   sum, difference, proportion, ratio or product
   * @param args the operands
   */
  public record OperationOperand(String op, List<Operand> args) implements Operand {
    /** Copies the list. */
    public OperationOperand {
      args = List.copyOf(args);
    }
  }

  /**
   * An exact constant (margin of error 0).
   *
   * @param value the number
   */
  public record ConstantOperand(double value) implements Operand {
  }
}
