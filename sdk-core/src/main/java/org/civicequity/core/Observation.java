package org.civicequity.core;

import java.util.Map;
import java.util.Objects;

/**
 * One observation: one value of one indicator for one geography, period and population group
 * (standard §3.3). The same record is read from CSV columns and from JSON/NDJSON members.
 *
 * <p>Disaggregation dimensions ({@code raceEthnicity}, {@code sex}, {@code age}, {@code income},
 * {@code disability}, {@code nativity}) are codes of the standard's codelists; {@code null} means
 * "all people". Numbers are {@code null} when absent. Fields a reader could not convert to the
 * declared type are kept as text in {@link #unparsed()} so a validator can report them with the
 * offending value, and fields the standard does not define (including {@code x-} extensions) are
 * kept in {@link #extra()}.
 *
 * <p>The record carries the Bean Validation constraint {@link ValidObservation}: validating it
 * (or calling {@link ObservationConstraints}) reports the structural finding codes of
 * {@code observation.schema.json} on their fields.
 *
 * @param indicator     the indicator id, defined in the feed's {@code indicators.json}
 * @param geoLevel      the geography level code (codelist {@code geo-level})
 * @param geoId         the census GEOID, or the id of a custom geography
 * @param geoName       an optional label of the geography
 * @param period        an ISO 8601 date, year-month, year, or interval such as {@code 2018/2022}
 * @param raceEthnicity a race/ethnicity code (codelist {@code race-ethnicity}), or null for all
 * @param sex           a sex code, or null for all
 * @param age           an age band such as {@code 0-17} or {@code 65+}, or null for all
 * @param income        an income band code, or null for all
 * @param disability    a disability status code, or null for all
 * @param nativity      a nativity code, or null for all
 * @param value         the value, or null when {@code status} says why it is missing
 * @param moe           the margin of error at the indicator's confidence level, or null
 * @param lower         the lower bound of the interval, or null
 * @param upper         the upper bound of the interval, or null
 * @param numerator     the count behind a rate or percent, or null
 * @param denominator   the base count behind a rate or percent, or null
 * @param status        the status code (codelist {@code status}); null means {@code ok}
 * @param note          free text, or null
 * @param unparsed      field name to raw text for values that could not be converted (never null)
 * @param extra         field name to raw text for fields the standard does not define (never null)
 * @param location      where the observation was read; never null
 */
@ValidObservation
public record Observation(
    String indicator,
    String geoLevel,
    String geoId,
    String geoName,
    String period,
    String raceEthnicity,
    String sex,
    String age,
    String income,
    String disability,
    String nativity,
    Double value,
    Double moe,
    Double lower,
    Double upper,
    Double numerator,
    Double denominator,
    String status,
    String note,
    Map<String, String> unparsed,
    Map<String, String> extra,
    SourceLocation location) {

  /** The field names of the standard, in their canonical column order. */
  public static final java.util.List<String> FIELDS = java.util.List.of(
      "indicator", "geoLevel", "geoId", "geoName", "period",
      "raceEthnicity", "sex", "age", "income", "disability", "nativity",
      "value", "moe", "lower", "upper", "numerator", "denominator", "status", "note");

  /** The numeric fields of the standard. */
  public static final java.util.Set<String> NUMERIC_FIELDS = java.util.Set.of(
      "value", "moe", "lower", "upper", "numerator", "denominator");

  /** The disaggregation dimensions, each a codelist-backed field. */
  public static final java.util.List<String> DIMENSIONS = java.util.List.of(
      "raceEthnicity", "sex", "age", "income", "disability", "nativity");

  /** Copies the maps and checks that the location is present. */
  public Observation {
    unparsed = unparsed == null || unparsed.isEmpty() ? Map.of() : Map.copyOf(unparsed);
    extra = extra == null || extra.isEmpty() ? Map.of() : Map.copyOf(extra);
    Objects.requireNonNull(location, "location");
  }

  /**
   * The status, with the standard's default applied.
   *
   * @return {@link #status()} or {@code "ok"} when it is absent
   */
  public String effectiveStatus() {
    return status == null ? "ok" : status;
  }

  /**
   * The value of a dimension by its field name.
   *
   * @param dimension one of {@link #DIMENSIONS}
   * @return the code, or null for "all people"
   * @throws IllegalArgumentException if {@code dimension} is not a dimension of the standard
   */
  public String dimension(String dimension) {
    return switch (dimension) {
      case "raceEthnicity" -> raceEthnicity;
      case "sex" -> sex;
      case "age" -> age;
      case "income" -> income;
      case "disability" -> disability;
      case "nativity" -> nativity;
      default -> throw new IllegalArgumentException("not a dimension: " + dimension);
    };
  }

  /**
   * A numeric field by its name.
   *
   * @param field one of {@link #NUMERIC_FIELDS}
   * @return the number, or null when absent
   * @throws IllegalArgumentException if {@code field} is not numeric
   */
  public Double number(String field) {
    return switch (field) {
      case "value" -> value;
      case "moe" -> moe;
      case "lower" -> lower;
      case "upper" -> upper;
      case "numerator" -> numerator;
      case "denominator" -> denominator;
      default -> throw new IllegalArgumentException("not a numeric field: " + field);
    };
  }

  /**
   * A numeric field by its position in {@link #FIELDS}, for code that walks every field.
   *
   * @param index a position in {@link #FIELDS}
   * @return the number, or null when absent or when the field at that position is text
   */
  public Double numberAt(int index) {
    return switch (index) {
      case 11 -> value;
      case 12 -> moe;
      case 13 -> lower;
      case 14 -> upper;
      case 15 -> numerator;
      case 16 -> denominator;
      default -> null;
    };
  }

  /**
   * A text field by its position in {@link #FIELDS}, as read (no formatting), for code that
   * walks every field.
   *
   * @param index a position in {@link #FIELDS}
   * @return the text, or null when absent or when the field at that position is numeric
   */
  public String textAt(int index) {
    return switch (index) {
      case 0 -> indicator;
      case 1 -> geoLevel;
      case 2 -> geoId;
      case 3 -> geoName;
      case 4 -> period;
      case 5 -> raceEthnicity;
      case 6 -> sex;
      case 7 -> age;
      case 8 -> income;
      case 9 -> disability;
      case 10 -> nativity;
      case 17 -> status;
      case 18 -> note;
      default -> null;
    };
  }

  /**
   * Any field of the standard as text, as it would appear in a CSV cell (numbers in their
   * shortest round-trip form, absent values as null).
   *
   * @param field one of {@link #FIELDS}
   * @return the text, or null when absent
   * @throws IllegalArgumentException if {@code field} is not a field of the standard
   */
  public String text(String field) {
    return switch (field) {
      case "indicator" -> indicator;
      case "geoLevel" -> geoLevel;
      case "geoId" -> geoId;
      case "geoName" -> geoName;
      case "period" -> period;
      case "status" -> status;
      case "note" -> note;
      default -> {
        if (NUMERIC_FIELDS.contains(field)) {
          Double d = number(field);
          yield d == null ? unparsed.get(field) : Numbers.format(d);
        }
        yield dimension(field);
      }
    };
  }

  /**
   * The text of any field as it was read, for messages and reports: a standard field as
   * {@link #text(String)}, else the raw text kept in {@link #unparsed()} or {@link #extra()}.
   *
   * @param field any field name, standard or not
   * @return the text, or null when the field is absent
   */
  public String rawValue(String field) {
    if (FIELDS.contains(field)) {
      String t = text(field);
      if (t != null) {
        return t;
      }
    }
    String u = unparsed.get(field);
    return u != null ? u : extra.get(field);
  }

  /**
   * A builder for observations made in code (converters, tests, Java users).
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A mutable builder of {@link Observation}; not thread-safe. */
  public static final class Builder {
    private String indicator;
    private String geoLevel;
    private String geoId;
    private String geoName;
    private String period;
    private String raceEthnicity;
    private String sex;
    private String age;
    private String income;
    private String disability;
    private String nativity;
    private Double value;
    private Double moe;
    private Double lower;
    private Double upper;
    private Double numerator;
    private Double denominator;
    private String status;
    private String note;
    private final java.util.LinkedHashMap<String, String> unparsed = new java.util.LinkedHashMap<>();
    private final java.util.LinkedHashMap<String, String> extra = new java.util.LinkedHashMap<>();
    private SourceLocation location = SourceLocation.ofFile("(memory)");

    private Builder() {
    }

    /**
     * Sets any field of the standard from text, as a CSV reader would: empty text means absent,
     * numeric fields are parsed and kept in {@code unparsed} when they are not numbers.
     *
     * @param field a field name; names outside the standard go to {@code extra}
     * @param text  the text, may be null or empty
     * @return this builder
     */
    public Builder set(String field, String text) {
      if (text == null || text.isEmpty()) {
        return this;
      }
      switch (field) {
        case "indicator" -> indicator = text;
        case "geoLevel" -> geoLevel = text;
        case "geoId" -> geoId = text;
        case "geoName" -> geoName = text;
        case "period" -> period = text;
        case "raceEthnicity" -> raceEthnicity = text;
        case "sex" -> sex = text;
        case "age" -> age = text;
        case "income" -> income = text;
        case "disability" -> disability = text;
        case "nativity" -> nativity = text;
        case "status" -> status = text;
        case "note" -> note = text;
        case "value", "moe", "lower", "upper", "numerator", "denominator" -> {
          Double d = Numbers.parse(text);
          if (d == null) {
            unparsed.put(field, text);
          } else {
            number(field, d);
          }
        }
        default -> extra.put(field, text);
      }
      return this;
    }

    /**
     * Sets a numeric field.
     *
     * @param field one of {@link Observation#NUMERIC_FIELDS}
     * @param d     the number, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code field} is not numeric
     */
    public Builder number(String field, Double d) {
      switch (field) {
        case "value" -> value = d;
        case "moe" -> moe = d;
        case "lower" -> lower = d;
        case "upper" -> upper = d;
        case "numerator" -> numerator = d;
        case "denominator" -> denominator = d;
        default -> throw new IllegalArgumentException("not a numeric field: " + field);
      }
      unparsed.remove(field);
      return this;
    }

    /**
     * Records raw text for a field whose value could not be converted.
     *
     * @param field the field name
     * @param raw   the raw text
     * @return this builder
     */
    public Builder unparsed(String field, String raw) {
      unparsed.put(field, raw);
      return this;
    }

    /**
     * Records a field the standard does not define (an {@code x-} extension or an unknown
     * field), keeping its text even when empty.
     *
     * @param field the field name, not one of {@link Observation#FIELDS}
     * @param raw   the text (JSON values other than strings as JSON text)
     * @return this builder
     * @throws IllegalArgumentException if {@code field} is a field of the standard
     */
    public Builder extra(String field, String raw) {
      if (FIELDS.contains(field)) {
        throw new IllegalArgumentException("not an extra field: " + field);
      }
      extra.put(field, raw);
      return this;
    }

    /** @param v the indicator id @return this builder */
    public Builder indicator(String v) { indicator = v; return this; }
    /** @param v the geography level @return this builder */
    public Builder geoLevel(String v) { geoLevel = v; return this; }
    /** @param v the GEOID @return this builder */
    public Builder geoId(String v) { geoId = v; return this; }
    /** @param v the geography label @return this builder */
    public Builder geoName(String v) { geoName = v; return this; }
    /** @param v the period @return this builder */
    public Builder period(String v) { period = v; return this; }
    /** @param v the race/ethnicity code @return this builder */
    public Builder raceEthnicity(String v) { raceEthnicity = v; return this; }
    /** @param v the sex code @return this builder */
    public Builder sex(String v) { sex = v; return this; }
    /** @param v the age band @return this builder */
    public Builder age(String v) { age = v; return this; }
    /** @param v the income band @return this builder */
    public Builder income(String v) { income = v; return this; }
    /** @param v the disability code @return this builder */
    public Builder disability(String v) { disability = v; return this; }
    /** @param v the nativity code @return this builder */
    public Builder nativity(String v) { nativity = v; return this; }
    /** @param v the value @return this builder */
    public Builder value(Double v) { return number("value", v); }
    /** @param v the margin of error @return this builder */
    public Builder moe(Double v) { return number("moe", v); }
    /** @param v the lower bound @return this builder */
    public Builder lower(Double v) { return number("lower", v); }
    /** @param v the upper bound @return this builder */
    public Builder upper(Double v) { return number("upper", v); }
    /** @param v the numerator @return this builder */
    public Builder numerator(Double v) { return number("numerator", v); }
    /** @param v the denominator @return this builder */
    public Builder denominator(Double v) { return number("denominator", v); }
    /** @param v the status code @return this builder */
    public Builder status(String v) { status = v; return this; }
    /** @param v the note @return this builder */
    public Builder note(String v) { note = v; return this; }
    /** @param v where the observation came from @return this builder */
    public Builder location(SourceLocation v) { location = Objects.requireNonNull(v, "location"); return this; }

    /**
     * Builds the observation.
     *
     * @return a new immutable observation
     */
    public Observation build() {
      return new Observation(indicator, geoLevel, geoId, geoName, period, raceEthnicity, sex, age,
          income, disability, nativity, value, moe, lower, upper, numerator, denominator, status,
          note, unparsed, extra, location);
    }
  }
}
