package org.civicequity.core.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.civicequity.core.Codelist;
import org.civicequity.core.Codelists;
import org.civicequity.core.Observation;
import org.civicequity.core.SchemaViolation;
import org.civicequity.core.StandardSchemas;
import tools.jackson.databind.JsonNode;

/**
 * The structural checks of {@code observation.schema.json}, compiled once into plain Java so
 * that an {@link Observation} record can be checked at millions of rows per second, with the
 * same (code, field) pairs as the schema.
 *
 * <p>Nothing here repeats the standard: required fields, types, patterns, lengths, minimums and
 * their {@code x-code}s are read from the schema document; which codelist backs a field is read
 * from its {@code $ref} to {@code codes.schema.json}, and the codes come from {@link Codelists};
 * the geoId form per geoLevel is read from the schema's conditional patterns. Only the meaning of
 * the two cross-field constraints ({@code VALUE_WITHOUT_STATUS_MISSING},
 * {@code SUPPRESSED_VALUE_PRESENT}) is written in Java; a schema constraint with an
 * {@code x-code} this class does not know makes compilation fail, so the two cannot drift apart
 * silently. The shared test vectors prove the agreement.
 */
public final class ObservationChecks {
  static final String VALUE_WITHOUT_STATUS = "VALUE_WITHOUT_STATUS_MISSING";
  private static final int STATUS = Observation.FIELDS.indexOf("status");

  static {
    // o.textAt(i) and o.numberAt(i) below read fields by their position in Observation.FIELDS
    if (!Observation.FIELDS.equals(List.of("indicator", "geoLevel", "geoId", "geoName", "period",
        "raceEthnicity", "sex", "age", "income", "disability", "nativity", "value", "moe", "lower",
        "upper", "numerator", "denominator", "status", "note"))) {
      throw new IllegalStateException("Observation.FIELDS changed: update ObservationChecks");
    }
  }
  static final String SUPPRESSED_VALUE = "SUPPRESSED_VALUE_PRESENT";
  private static final String CODES_REF = StandardSchemas.ID_PREFIX + "codes.schema.json#/$defs/";

  /** Remembers the outcome of a text check for the few thousand values a feed repeats most. */
  private static final class Memo {
    private static final int MAX = 4_096;
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    String get(String value) {
      return outcomes.get(value);
    }

    void put(String value, String outcome) {
      if (outcomes.size() < MAX && value.length() <= 256) {
        outcomes.put(value, outcome);
      }
    }
  }

  /** A constraint on one field's value, with its finding code. */
  private record ValueRule(String code, Pattern pattern, Integer minLength, Integer maxLength,
      Double minimum, Double maximum, Double exclusiveMinimum, Double exclusiveMaximum,
      Memo memo) {

    /** @return the failing keyword, or null when the text meets the rule */
    String failure(String s) {
      String known = memo.get(s);
      if (known != null) {
        return known.isEmpty() ? null : known;
      }
      String outcome = evaluate(s);
      memo.put(s, outcome == null ? "" : outcome);
      return outcome;
    }

    private String evaluate(String s) {
      if (pattern != null && !pattern.matcher(s).find()) {
        return "pattern";
      }
      int len = s.codePointCount(0, s.length());
      if (maxLength != null && len > maxLength) {
        return "maxLength";
      }
      if (minLength != null && len < minLength) {
        return "minLength";
      }
      return null;
    }

    String failure(double d) {
      if (minimum != null && d < minimum) {
        return "minimum";
      }
      if (maximum != null && d > maximum) {
        return "maximum";
      }
      if (exclusiveMinimum != null && d <= exclusiveMinimum) {
        return "exclusiveMinimum";
      }
      if (exclusiveMaximum != null && d >= exclusiveMaximum) {
        return "exclusiveMaximum";
      }
      return null;
    }
  }

  /** What the schema says about one field. */
  private record FieldSpec(String name, int index, boolean numeric, boolean required,
      Codelist codelist, List<ValueRule> rules) {
  }

  /** "When field {@code ifField} equals {@code value}, field {@code field} matches pattern". */
  private record Conditional(String ifField, String value, String field, Pattern pattern,
      String code, String reportedField, Memo memo, int ifIndex, int fieldIndex) {

    boolean matches(String s) {
      String known = memo.get(s);
      if (known != null) {
        return known.isEmpty();
      }
      boolean ok = pattern.matcher(s).find();
      memo.put(s, ok ? "" : "pattern");
      return ok;
    }
  }

  private final Set<String> required;
  private final Map<String, FieldSpec> fields;
  private final List<FieldSpec> fieldOrder;
  private final Pattern extensionName;
  private final boolean additionalAllowed;
  private final List<Conditional> conditionals;
  private final String valueWithoutStatusField;
  private final String suppressedValueField;

  private ObservationChecks(Set<String> required, Map<String, FieldSpec> fields,
      Pattern extensionName, boolean additionalAllowed, List<Conditional> conditionals,
      String valueWithoutStatusField, String suppressedValueField) {
    this.required = Set.copyOf(required);
    this.fields = Map.copyOf(fields);
    this.fieldOrder = List.copyOf(fields.values());
    this.extensionName = extensionName;
    this.additionalAllowed = additionalAllowed;
    this.conditionals = List.copyOf(conditionals);
    this.valueWithoutStatusField = valueWithoutStatusField;
    this.suppressedValueField = suppressedValueField;
  }

  private static final class Holder {
    static final ObservationChecks STANDARD = compile(
        StandardSchemas.get().document("observation.schema.json"), Codelists.standard());
  }

  /**
   * The checks of the standard's observation schema with the standard codelists, compiled once.
   *
   * @return the checks
   * @throws IllegalStateException if the schema uses a constraint the compiler does not know
   */
  public static ObservationChecks standard() {
    return Holder.STANDARD;
  }

  /**
   * Compiles the checks of an observation schema.
   *
   * @param schema    the schema document
   * @param codelists the codelists its {@code codes.schema.json} references name
   * @return the checks
   * @throws IllegalStateException if the schema uses a constraint the compiler does not know
   */
  public static ObservationChecks compile(JsonNode schema, Codelists codelists) {
    Set<String> required = new HashSet<>();
    for (JsonNode r : schema.path("required")) {
      required.add(r.asString());
    }
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      fields.put(p.getKey(), field(schema, p.getKey(), p.getValue(), codelists,
          required.contains(p.getKey())));
    }
    Pattern extensionName = null;
    for (Map.Entry<String, JsonNode> p : schema.path("patternProperties").properties()) {
      extensionName = Pattern.compile(p.getKey());
    }
    boolean additionalAllowed = !schema.path("additionalProperties").isBoolean()
        || schema.path("additionalProperties").asBoolean();
    List<Conditional> conditionals = new ArrayList<>();
    String valueWithoutStatus = null;
    String suppressedValue = null;
    for (JsonNode item : schema.path("allOf")) {
      JsonNode node = resolve(schema, item);
      String code = node.path("x-code").asString(null);
      String xField = node.path("x-field").asString(null);
      if (code == null) {
        throw new IllegalStateException("observation.schema.json: a top-level allOf constraint "
            + "has no x-code: " + item);
      }
      if (VALUE_WITHOUT_STATUS.equals(code)) {
        valueWithoutStatus = xField == null ? "value" : xField;
      } else if (SUPPRESSED_VALUE.equals(code)) {
        suppressedValue = xField == null ? "value" : xField;
      } else if (node.has("allOf") && isConditionalPatterns(node.path("allOf"))) {
        for (JsonNode c : node.path("allOf")) {
          Map.Entry<String, JsonNode> ifProp = c.path("if").path("properties").properties()
              .iterator().next();
          Map.Entry<String, JsonNode> thenProp = c.path("then").path("properties").properties()
              .iterator().next();
          conditionals.add(new Conditional(ifProp.getKey(), ifProp.getValue().path("const")
              .asString(), thenProp.getKey(), Pattern.compile(thenProp.getValue().path("pattern")
              .asString()), code, xField == null ? thenProp.getKey() : xField, new Memo(),
              fieldIndex(ifProp.getKey()), fieldIndex(thenProp.getKey())));
        }
      } else {
        throw new IllegalStateException("observation.schema.json has a constraint with x-code "
            + code + " that the compiled observation checks do not implement");
      }
    }
    return new ObservationChecks(required, fields, extensionName, additionalAllowed,
        conditionals, valueWithoutStatus, suppressedValue);
  }

  private static boolean isConditionalPatterns(JsonNode items) {
    for (JsonNode c : items) {
      JsonNode ifProps = c.path("if").path("properties");
      JsonNode thenProps = c.path("then").path("properties");
      if (ifProps.size() != 1 || thenProps.size() != 1
          || !ifProps.properties().iterator().next().getValue().path("const").isString()
          || !thenProps.properties().iterator().next().getValue().path("pattern").isString()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    JsonNode ref = node.path("$ref");
    if (ref.isString() && ref.asString().startsWith("#")) {
      JsonNode target = schema.at(ref.asString().substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException("observation.schema.json: unresolved $ref " + ref);
      }
      return target;
    }
    return node;
  }

  private static FieldSpec field(JsonNode schema, String name, JsonNode spec,
      Codelists codelists, boolean required) {
    boolean numeric = false;
    JsonNode type = spec.path("type");
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      if ("number".equals(t.asString(null)) || "integer".equals(t.asString(null))) {
        numeric = true;
      }
    }
    Codelist codelist = null;
    String ref = spec.path("then").path("$ref").asString(spec.path("$ref").asString(null));
    if (ref != null && ref.startsWith(CODES_REF)) {
      String id = ref.substring(CODES_REF.length());
      codelist = codelists.find(id).orElseThrow(() -> new IllegalStateException(
          "observation.schema.json: field " + name + " names the unknown codelist " + id));
    }
    List<ValueRule> rules = new ArrayList<>();
    for (JsonNode item : spec.path("allOf")) {
      JsonNode node = resolve(schema, item);
      String code = node.path("x-code").asString(null);
      if (code == null || SchemaViolation.REQUIRED_FIELD_MISSING.equals(code)) {
        continue; // presence: the record has no "present but null"; required covers it
      }
      rules.add(new ValueRule(code,
          node.path("pattern").isString() ? Pattern.compile(node.path("pattern").asString()) : null,
          intOrNull(node, "minLength"), intOrNull(node, "maxLength"),
          numberOrNull(node, "minimum"), numberOrNull(node, "maximum"),
          numberOrNull(node, "exclusiveMinimum"), numberOrNull(node, "exclusiveMaximum"),
          new Memo()));
    }
    int index = Observation.FIELDS.indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("observation.schema.json defines the field " + name
          + " that the Observation record does not have");
    }
    return new FieldSpec(name, index, numeric, required, codelist, List.copyOf(rules));
  }

  private static Integer intOrNull(JsonNode n, String k) {
    return n.path(k).isNumber() ? n.path(k).asInt() : null;
  }

  private static Double numberOrNull(JsonNode n, String k) {
    return n.path(k).isNumber() ? n.path(k).asDouble() : null;
  }

  /**
   * Checks one observation.
   *
   * @param o the observation
   * @return the violations, in field order; empty (and not allocated) when there is none
   */
  public List<SchemaViolation> check(Observation o) {
    List<SchemaViolation> out = null;
    Map<String, String> unparsed = o.unparsed();
    for (FieldSpec f : fieldOrder) {
      String name = f.name;
      boolean wrongType = !unparsed.isEmpty() && unparsed.containsKey(name);
      if (wrongType) {
        out = add(out, SchemaViolation.WRONG_TYPE, name, "type", name + ": expected "
            + (f.numeric ? "a number" : "text") + ", found '" + unparsed.get(name) + "'");
        continue;
      }
      if (f.numeric) {
        Double d = o.numberAt(f.index);
        if (d == null) {
          out = missing(out, f);
          continue;
        }
        for (ValueRule r : f.rules) {
          String failed = r.failure(d);
          if (failed != null) {
            out = add(out, r.code, name, failed, name + ": " + failed + " not met by " + d);
          }
        }
      } else {
        String s = o.textAt(f.index);
        if (s == null) {
          out = missing(out, f);
          continue;
        }
        if (f.codelist != null && !f.codelist.accepts(s)) {
          out = add(out, SchemaViolation.UNKNOWN_CODE, name, "enum", name + ": '" + s
              + "' is not a code of the codelist " + f.codelist.id());
        }
        for (ValueRule r : f.rules) {
          String failed = r.failure(s);
          if (failed != null) {
            out = add(out, r.code, name, failed, name + ": '" + s + "' does not meet " + failed);
          }
        }
      }
    }
    if (!o.extra().isEmpty() || unparsed.size() > 0) {
      out = checkExtra(o, out);
    }
    for (Conditional c : conditionals) {
      if (c.value.equals(typedText(o, c.ifField, c.ifIndex))) {
        String s = typedText(o, c.field, c.fieldIndex);
        if (s != null && !c.matches(s)) {
          out = add(out, c.code, c.reportedField, "pattern", c.field + ": '" + s
              + "' does not have the form " + c.ifField + " " + c.value + " requires");
        }
      }
    }
    boolean valuePresent = o.value() != null || unparsed.containsKey("value");
    if (valueWithoutStatusField != null && !valuePresent) {
      String status = typedText(o, "status", STATUS);
      if (status == null || "ok".equals(status)) {
        out = add(out, VALUE_WITHOUT_STATUS, valueWithoutStatusField, "then",
            "there is no value and no status other than ok that says why");
      }
    }
    if (suppressedValueField != null && valuePresent && "suppressed".equals(typedText(o,
        "status", STATUS))) {
      out = add(out, SUPPRESSED_VALUE, suppressedValueField, "then",
          "the observation is suppressed but carries a value");
    }
    return out == null ? List.of() : out;
  }

  private List<SchemaViolation> checkExtra(Observation o, List<SchemaViolation> out) {
    List<SchemaViolation> result = out;
    for (String name : new java.util.TreeSet<>(o.extra().keySet())) {
      if (!isExtension(name) && !additionalAllowed) {
        result = add(result, SchemaViolation.UNKNOWN_FIELD, name, "additionalProperties",
            "'" + name + "' is not a field of the standard (extensions start with x-)");
      }
    }
    for (String name : new java.util.TreeSet<>(o.unparsed().keySet())) {
      if (fields.containsKey(name)) {
        continue;
      }
      if (isExtension(name)) {
        result = add(result, SchemaViolation.WRONG_TYPE, name, "type", name
            + ": an extension field holds a scalar (text, number, boolean), found '"
            + o.unparsed().get(name) + "'");
      } else if (!additionalAllowed) {
        result = add(result, SchemaViolation.UNKNOWN_FIELD, name, "additionalProperties",
            "'" + name + "' is not a field of the standard (extensions start with x-)");
      }
    }
    return result;
  }

  private boolean isExtension(String name) {
    return extensionName != null && extensionName.matcher(name).find();
  }

  private static List<SchemaViolation> missing(List<SchemaViolation> out, FieldSpec f) {
    if (f.required) {
      return add(out, SchemaViolation.REQUIRED_FIELD_MISSING, f.name, "required",
          "the required field " + f.name + " is missing");
    }
    return out;
  }

  /** The text of a field when it holds text of the right type, else null. */
  private static String typedText(Observation o, String field, int index) {
    if (!o.unparsed().isEmpty() && o.unparsed().containsKey(field)) {
      return null;
    }
    return o.textAt(index);
  }

  private static int fieldIndex(String name) {
    int i = Observation.FIELDS.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("observation.schema.json refers to the field " + name
          + " that the Observation record does not have");
    }
    return i;
  }

  private static List<SchemaViolation> add(List<SchemaViolation> out, String code, String field,
      String keyword, String message) {
    List<SchemaViolation> list = out == null ? new ArrayList<>(2) : out;
    SchemaViolation v = new SchemaViolation(code, field == null ? "" : "/" + field, field,
        keyword, message);
    for (SchemaViolation e : list) {
      if (e.code().equals(code) && java.util.Objects.equals(e.field(), field)) {
        return list;
      }
    }
    list.add(v);
    return list;
  }
}
