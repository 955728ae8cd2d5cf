package org.civicequity.publish.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.civicequity.core.IndicatorSource;
import org.civicequity.publish.MappingException;
import org.civicequity.publish.MappingProblem;
import org.civicequity.publish.internal.MappingModel.AutoIndicator;
import org.civicequity.publish.internal.MappingModel.ColumnOperand;
import org.civicequity.publish.internal.MappingModel.ColumnRule;
import org.civicequity.publish.internal.MappingModel.ConstantOperand;
import org.civicequity.publish.internal.MappingModel.Crosswalk;
import org.civicequity.publish.internal.MappingModel.CustomGeo;
import org.civicequity.publish.internal.MappingModel.DerivedSpec;
import org.civicequity.publish.internal.MappingModel.FieldSpec;
import org.civicequity.publish.internal.MappingModel.GeographySpec;
import org.civicequity.publish.internal.MappingModel.IndicatorSpec;
import org.civicequity.publish.internal.MappingModel.Input;
import org.civicequity.publish.internal.MappingModel.MarkerRule;
import org.civicequity.publish.internal.MappingModel.Markers;
import org.civicequity.publish.internal.MappingModel.Operand;
import org.civicequity.publish.internal.MappingModel.OperationOperand;
import org.civicequity.publish.internal.MappingModel.Setter;
import org.civicequity.publish.internal.MappingModel.SkipWhen;
import org.civicequity.publish.internal.MappingModel.Spec;
import org.civicequity.publish.internal.MappingModel.UnitRule;
import org.civicequity.publish.internal.MappingModel.ValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Turns a merged mapping tree (already valid against the mapping schema) into a {@link Spec},
 * checking what a schema cannot: regular expressions compile, value maps and groups that are
 * referred to exist, codes belong to the standard's codelists, indicator codes are unambiguous.
 * All problems are collected and located in the file that wrote the offending value.
 */
public final class MappingBuilder {
  /** Placeholders in templates: {name} or {name|lower}. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?:\\|(lower|upper))?\\}");
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  private static final List<String> DEFAULT_MISSING = List.of("NA", "N/A", "n/a", "null", "NULL", "-", "..", ".");
  private static final List<String> DEFAULT_NOT_APPLICABLE = List.of("(X)");

  private final MappingLoader.Loaded loaded;
  private final JsonNode root;
  private final List<MappingProblem> problems = new ArrayList<>();
  private final Map<String, ValueMap> valueMaps = new HashMap<>();

  private MappingBuilder(MappingLoader.Loaded loaded) {
    this.loaded = loaded;
    this.root = loaded.merged();
  }

  /**
   * Builds the spec.
   *
   * @param loaded the loaded chain
   * @return the spec
   * @throws MappingException listing every problem found
   */
  public static Spec build(MappingLoader.Loaded loaded) throws MappingException {
    MappingBuilder b = new MappingBuilder(loaded);
    Spec spec = b.spec();
    if (!b.problems.isEmpty()) {
      throw new MappingException(b.problems);
    }
    return spec;
  }

  private void problem(String pointer, String message) {
    problems.add(loaded.problem(pointer, message));
  }

  private Spec spec() {
    JsonNode vm = root.path("valueMaps");
    for (Map.Entry<String, JsonNode> e : vm.properties()) {
      valueMaps.put(e.getKey(), valueMap(e.getValue()));
    }
    Input input = input(root.path("input"));
    boolean wide = "wide".equals(root.path("layout").asString("long"));
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("fields").properties()) {
      fields.put(e.getKey(), fieldSpec(e.getKey(), e.getValue(), "/fields/" + e.getKey()));
    }
    Map<String, String> constants = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("constants").properties()) {
      constants.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asString() : e.getValue().asString());
      checkCode(e.getKey(), constants.get(e.getKey()), "/constants/" + e.getKey());
    }
    List<ColumnRule> rules = new ArrayList<>();
    List<Pattern> ignore = new ArrayList<>();
    JsonNode w = root.path("wide");
    if (wide && w.path("columns").isMissingNode()) {
      problem("/layout", "the wide layout needs \"wide\": {\"columns\": [{\"pattern\": ...}]} to say which columns hold values");
    }
    if (!wide && !w.isMissingNode()) {
      problem("/wide", "\"wide\" is set but \"layout\" is not \"wide\"; add \"layout\": \"wide\" or remove \"wide\"");
    }
    int i = 0;
    for (JsonNode r : w.path("columns")) {
      rules.add(columnRule(r, "/wide/columns/" + i++));
    }
    i = 0;
    for (JsonNode p : w.path("ignoreColumns")) {
      Pattern pat = compile(p.asString(), Pattern.CASE_INSENSITIVE, "/wide/ignoreColumns/" + i++);
      if (pat != null) {
        ignore.add(pat);
      }
    }
    if (!wide && !fields.containsKey("value") && root.path("derived").isEmpty()) {
      problem("/fields", "the long layout needs a \"value\" field (e.g. \"fields\": {\"value\": \"est\"}) or \"derived\" indicators");
    }
    Markers markers = markers(root.path("markers"));
    GeographySpec geo = geography(root.path("geography"));
    Map<String, IndicatorSpec> indicators = indicators(root.path("indicators"));
    List<DerivedSpec> derived = new ArrayList<>();
    i = 0;
    for (JsonNode d : root.path("derived")) {
      DerivedSpec ds = derived(d, "/derived/" + i++);
      if (ds != null) {
        derived.add(ds);
        if (!indicators.containsKey(ds.indicator())) {
          problem(ds.pointer() + "/indicator", "the derived indicator '" + ds.indicator()
              + "' is not declared; add {\"id\": \"" + ds.indicator() + "\", \"name\": ..., \"unit\": ...} to \"indicators\"");
        }
      }
    }
    List<String> est = strings(root.path("estimateSuffixes"), List.of("E", "_E"));
    List<String> moe = strings(root.path("moeSuffixes"), List.of("M", "_M"));
    String origin = loaded.chain().get(0).displayName();
    return new Spec(text(root, "name"), text(root, "title"), text(root, "description"), origin, input, wide, fields,
        constants, rules, ignore, markers, geo, indicators, derived, est, moe,
        root.path("feed").isMissingNode() ? null : root.path("feed"));
  }

  private Input input(JsonNode in) {
    String format = text(in, "format");
    String sheet = text(in, "sheet");
    String d = in.path("delimiter").asString(",");
    char delimiter;
    if ("\\t".equals(d) || "\t".equals(d)) {
      delimiter = '\t';
    } else if (d.length() == 1) {
      delimiter = d.charAt(0);
    } else {
      problem("/input/delimiter", "the delimiter must be one character (or \\t for tab), found '" + d + "'");
      delimiter = ',';
    }
    Charset cs = StandardCharsets.UTF_8;
    String enc = text(in, "encoding");
    if (enc != null) {
      try {
        cs = Charset.forName(enc);
      } catch (IllegalArgumentException e) {
        problem("/input/encoding", "unknown encoding '" + enc + "'; use UTF-8, windows-1252, ISO-8859-1 or UTF-16");
      }
    }
    int header = in.path("headerRow").asInt(1);
    int label = in.path("labelRow").asInt(0);
    if (label != 0 && label <= header) {
      problem("/input/labelRow", "the label row (" + label + ") must come after the header row (" + header + ")");
    }
    Pattern footer = in.has("footerPattern") ? compile(in.path("footerPattern").asString(), 0, "/input/footerPattern") : null;
    List<SkipWhen> skip = new ArrayList<>();
    int i = 0;
    for (JsonNode s : in.path("skipWhen")) {
      Pattern p = compile(s.path("pattern").asString(), 0, "/input/skipWhen/" + i++ + "/pattern");
      if (p != null) {
        skip.add(new SkipWhen(s.path("column").asString(), p));
      }
    }
    Character thousands = ',';
    if (in.has("thousandsSeparator")) {
      JsonNode t = in.get("thousandsSeparator");
      thousands = t.isNull() || t.asString().isEmpty() ? null : t.asString().charAt(0);
    }
    char decimal = in.path("decimalSeparator").asString(".").charAt(0);
    if (thousands != null && thousands == decimal) {
      problem("/input/thousandsSeparator", "the thousands separator and the decimal separator are both '" + decimal
          + "'; with a decimal comma set \"thousandsSeparator\": \".\" or null");
    }
    return new Input(format, sheet, delimiter, cs, header, label, in.path("skipRowsAfterHeader").asInt(0), footer,
        in.path("footerEndsData").asBoolean(false), in.path("stopAtBlankRow").asBoolean(false), skip, thousands, decimal);
  }

  private FieldSpec fieldSpec(String field, JsonNode n, String pointer) {
    if (n.isString()) {
      return new FieldSpec(field, List.of(n.asString()), null, null, null, null, null, false,
          "geoId".equals(field) ? Boolean.TRUE : null, pointer);
    }
    List<String> columns = new ArrayList<>();
    if (n.has("column")) {
      columns.add(n.get("column").asString());
    }
    columns.addAll(strings(n.path("columns"), List.of()));
    String constant = n.has("constant") ? n.get("constant").asString() : null;
    boolean fromGeoId = n.path("geoLevelFromGeoId").asBoolean(false);
    if (fromGeoId && !"geoLevel".equals(field)) {
      problem(pointer + "/geoLevelFromGeoId", "geoLevelFromGeoId applies to the geoLevel field only");
    }
    if (columns.isEmpty() && constant == null && !fromGeoId) {
      problem(pointer, "say where '" + field + "' comes from: \"column\", \"columns\" or \"constant\"");
    }
    if (!columns.isEmpty() && constant != null) {
      problem(pointer, "give either a column or a constant for '" + field + "', not both");
    }
    Pattern pattern = n.has("pattern") ? compile(n.get("pattern").asString(), 0, pointer + "/pattern") : null;
    String template = text(n, "template");
    if (template != null && pattern == null) {
      problem(pointer + "/template", "a template is filled from the groups of \"pattern\"; add a pattern");
    } else if (template != null) {
      checkPlaceholders(template, groups(pattern), pointer + "/template");
    }
    ValueMap map = n.has("map") ? mapRef(n.get("map"), pointer + "/map") : null;
    Double scale = n.has("scale") ? n.get("scale").asDouble() : null;
    if (scale != null && !org.civicequity.core.Observation.NUMERIC_FIELDS.contains(field)) {
      problem(pointer + "/scale", "scale applies to numeric fields only, not '" + field + "'");
    }
    if (constant != null) {
      checkCode(field, constant, pointer + "/constant");
    }
    Boolean required = n.has("required") ? Boolean.valueOf(n.get("required").asBoolean())
        : "geoId".equals(field) ? Boolean.TRUE : null;
    return new FieldSpec(field, columns, constant, pattern, template, map, scale, fromGeoId, required, pointer);
  }

  private ColumnRule columnRule(JsonNode r, String pointer) {
    Pattern pattern = compile(r.path("pattern").asString(), 0, pointer + "/pattern");
    Set<String> groups = pattern == null ? Set.of() : groups(pattern);
    Map<String, Setter> set = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : r.path("set").properties()) {
      set.put(e.getKey(), setter(e.getValue(), groups, pointer + "/set/" + e.getKey()));
    }
    // named groups called like a field set that field unless "set" says otherwise
    for (String g : groups) {
      if (org.civicequity.core.Observation.FIELDS.contains(g) && !set.containsKey(g)) {
        set.put(g, new Setter(null, g, null));
      }
    }
    if (groups.contains("year2") && !set.containsKey("period")) {
      set.put("period", new Setter("20{year2}", null, null));
    }
    Setter measure;
    JsonNode m = r.path("measure");
    if (m.isMissingNode()) {
      measure = groups.contains("measure") ? new Setter(null, "measure", null) : new Setter("value", null, null);
    } else if (m.isString()) {
      measure = new Setter(m.asString(), null, null);
    } else {
      measure = setter(m, groups, pointer + "/measure");
    }
    String by = r.path("indicatorBy").asString("id-or-code");
    String unknown = r.path("unknownIndicator").asString("error");
    AutoIndicator auto = null;
    JsonNode a = r.path("autoIndicator");
    if (!a.isMissingNode()) {
      List<UnitRule> units = new ArrayList<>();
      int i = 0;
      for (JsonNode u : a.path("unitFromLabel")) {
        Pattern p = compile(u.path("pattern").asString(), 0, pointer + "/autoIndicator/unitFromLabel/" + i + "/pattern");
        checkCode("unit", u.path("unit").asString(), pointer + "/autoIndicator/unitFromLabel/" + i++ + "/unit");
        if (p != null) {
          units.add(new UnitRule(p, u.path("unit").asString()));
        }
      }
      String unit = text(a, "unit");
      if (unit != null) {
        checkCode("unit", unit, pointer + "/autoIndicator/unit");
      }
      String domain = text(a, "domain");
      if (domain != null) {
        checkCode("domain", domain, pointer + "/autoIndicator/domain");
      }
      auto = new AutoIndicator(text(a, "name"), text(a, "description"), domain, unit, text(a, "polarity"), units,
          source(a.path("source")));
    }
    if ("declare".equals(unknown) && auto == null) {
      problem(pointer + "/unknownIndicator", "\"declare\" needs an \"autoIndicator\" with at least a name and a unit");
    }
    if (!set.containsKey("indicator")) {
      problem(pointer, "the rule does not say which indicator its columns are: add a named group (?<indicator>...) "
          + "to the pattern or \"set\": {\"indicator\": \"...\"}");
    }
    return new ColumnRule(pattern, set, measure, by, unknown, auto, pointer);
  }

  private Setter setter(JsonNode n, Set<String> groups, String pointer) {
    if (n.isString()) {
      checkPlaceholders(n.asString(), groups, pointer);
      return new Setter(n.asString(), null, null);
    }
    String group = n.path("group").asString();
    if (!groups.contains(group)) {
      problem(pointer + "/group", "the pattern has no named group '" + group + "'; its groups: " + groups);
    }
    String template = text(n, "template");
    if (template != null) {
      checkPlaceholders(template, groups, pointer + "/template");
    }
    ValueMap map = n.has("map") ? mapRef(n.get("map"), pointer + "/map") : null;
    return new Setter(template, group, map);
  }

  private Markers markers(JsonNode m) {
    List<MarkerRule> rules = new ArrayList<>();
    int i = 0;
    for (JsonNode r : m.path("rules")) {
      String p = "/markers/rules/" + i++;
      Pattern pattern = r.has("pattern") ? compile(r.get("pattern").asString(), 0, p + "/pattern") : null;
      Pattern columns = r.has("columns") ? compile(r.get("columns").asString(), 0, p + "/columns") : null;
      rules.add(new MarkerRule(new LinkedHashSet<>(strings(r.path("values"), List.of())), pattern,
          r.path("status").asString(), text(r, "note"), columns));
    }
    addMarkers(rules, strings(m.path("suppressed"), List.of()), "suppressed", "suppressed by the source");
    addMarkers(rules, strings(m.path("notApplicable"), DEFAULT_NOT_APPLICABLE), "not-applicable", null);
    addMarkers(rules, strings(m.path("unreliable"), List.of()), "unreliable", "unreliable according to the source");
    addMarkers(rules, strings(m.path("missing"), DEFAULT_MISSING), "not-available", null);
    Map<String, Double> moe = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : m.path("moe").properties()) {
      moe.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asDouble());
    }
    return new Markers(rules, moe);
  }

  private static void addMarkers(List<MarkerRule> rules, List<String> values, String status, String note) {
    if (!values.isEmpty()) {
      rules.add(new MarkerRule(new LinkedHashSet<>(values), null, status, note, null));
    }
  }

  private GeographySpec geography(JsonNode g) {
    String level = text(g, "level");
    if (level != null) {
      checkCode("geoLevel", level, "/geography/level");
    }
    CustomGeo custom = null;
    JsonNode c = g.path("custom");
    if (!c.isMissingNode()) {
      Map<String, String> aliases = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : c.path("aliases").properties()) {
        aliases.put(e.getKey(), e.getValue().asString());
      }
      Crosswalk cw = null;
      JsonNode x = c.path("crosswalk");
      if (!x.isMissingNode()) {
        cw = new Crosswalk(x.path("file").asString(), x.path("nameColumn").asString(), x.path("tractColumn").asString(),
            new HashSet<>(strings(x.path("skipNames"), List.of())));
      }
      custom = new CustomGeo(aliases, cw, text(c, "parentGeoId"), "accept".equals(c.path("unknownName").asString("error")));
    }
    return new GeographySpec(level, g.path("padGeoId").asBoolean(true), custom);
  }

  private Map<String, IndicatorSpec> indicators(JsonNode list) {
    Map<String, IndicatorSpec> out = new LinkedHashMap<>();
    Map<String, String> codeOwner = new HashMap<>();
    int i = 0;
    for (JsonNode n : list) {
      String p = "/indicators/" + i++;
      String id = n.path("id").asString();
      if (out.containsKey(id)) {
        problem(p + "/id", "the indicator '" + id + "' is declared twice");
      }
      String unit = n.path("unit").asString();
      checkCode("unit", unit, p + "/unit");
      String sourceUnit = text(n, "sourceUnit");
      if (sourceUnit != null) {
        checkCode("unit", sourceUnit, p + "/sourceUnit");
        if (StandardLists.has("unit", unit) && StandardLists.has("unit", sourceUnit) && !unit.equals(sourceUnit)
            && (StandardLists.scale(unit) == null || StandardLists.scale(sourceUnit) == null)) {
          problem(p + "/sourceUnit", "cannot convert " + sourceUnit + " to " + unit + ": only units with a scale "
              + "(percent, proportion, rate-per-1000, rate-per-100000) convert into each other");
        }
      }
      String domain = text(n, "domain");
      if (domain != null) {
        checkCode("domain", domain, p + "/domain");
      }
      for (String code : strings(n.path("codes"), List.of())) {
        String prev = codeOwner.put(code, id);
        if (prev != null && !prev.equals(id)) {
          problem(p + "/codes", "the short code '" + code + "' belongs to both '" + prev + "' and '" + id + "'");
        }
      }
      Double cl = n.has("confidenceLevel") ? n.get("confidenceLevel").asDouble() : null;
      out.put(id, new IndicatorSpec(id, strings(n.path("codes"), List.of()), strings(n.path("aliases"), List.of()),
          n.path("name").asString(), text(n, "description"), domain, unit, sourceUnit, text(n, "polarity"),
          n.path("periodType").asString("year"), text(n, "numerator"), text(n, "denominator"), text(n, "universe"),
          source(n.path("source")), text(n, "methodology"), cl, text(n, "equivalentTo"), p));
    }
    return out;
  }

  private DerivedSpec derived(JsonNode d, String pointer) {
    Operand value = operand(d.path("value"), pointer + "/value");
    Map<String, String> set = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : d.path("set").properties()) {
      set.put(e.getKey(), e.getValue().asString());
      checkCode(e.getKey(), e.getValue().asString(), pointer + "/set/" + e.getKey());
    }
    Map<String, Map<String, String>> forEach = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : d.path("forEach").properties()) {
      Map<String, String> f = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> ff : e.getValue().properties()) {
        f.put(ff.getKey(), ff.getValue().asString());
        checkCode(ff.getKey(), ff.getValue().asString(), pointer + "/forEach/" + e.getKey() + "/" + ff.getKey());
      }
      forEach.put(e.getKey(), f);
    }
    boolean usesEach = usesEach(value);
    if (usesEach && forEach.isEmpty()) {
      problem(pointer + "/value", "a column name uses {each} but there is no \"forEach\"");
    }
    boolean fraction = d.path("numerator").asBoolean(value instanceof OperationOperand o && "proportion".equals(o.op()));
    Integer decimals = d.has("decimals") ? d.get("decimals").asInt() : null;
    return value == null ? null : new DerivedSpec(d.path("indicator").asString(), value,
        d.has("scale") ? d.get("scale").asDouble() : null, decimals, set, forEach, fraction, pointer);
  }

  private static boolean usesEach(Operand o) {
    if (o instanceof ColumnOperand c) {
      return c.base().contains("{each}");
    }
    if (o instanceof OperationOperand op) {
      return op.args().stream().anyMatch(MappingBuilder::usesEach);
    }
    return false;
  }

  private Operand operand(JsonNode n, String pointer) {
    if (n.isString()) {
      return new ColumnOperand(n.asString());
    }
    if (n.has("constant")) {
      return new ConstantOperand(n.get("constant").asDouble());
    }
    for (String op : List.of("sum", "difference", "proportion", "ratio", "product")) {
      if (n.has(op)) {
        List<Operand> args = new ArrayList<>();
        int i = 0;
        for (JsonNode a : n.get(op)) {
          args.add(operand(a, pointer + "/" + op + "/" + i++));
        }
        return new OperationOperand(op, args);
      }
    }
    problem(pointer, "an operand is a column name or one of sum, difference, proportion, ratio, product, constant");
    return null;
  }

  private IndicatorSource source(JsonNode s) {
    if (s.isMissingNode() || s.isNull()) {
      return null;
    }
    return new IndicatorSource(text(s, "name"), text(s, "table"), text(s, "vintage"), text(s, "url"));
  }

  private ValueMap mapRef(JsonNode n, String pointer) {
    if (n.isString()) {
      ValueMap m = valueMaps.get(n.asString());
      if (m == null) {
        problem(pointer, "there is no value map '" + n.asString() + "' in \"valueMaps\""
            + (valueMaps.isEmpty() ? "" : "; maps: " + new java.util.TreeSet<>(valueMaps.keySet())));
        return new ValueMap(Map.of(), Map.of(), null, false);
      }
      return m;
    }
    return valueMap(n);
  }

  private static ValueMap valueMap(JsonNode n) {
    Map<String, String> exact = new HashMap<>();
    Map<String, String> folded = new HashMap<>();
    String fallback = null;
    boolean hasFallback = false;
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String v = e.getValue().isNull() ? null : e.getValue().asString();
      if ("*".equals(e.getKey())) {
        fallback = v;
        hasFallback = true;
        continue;
      }
      exact.put(e.getKey(), v);
      folded.putIfAbsent(e.getKey().strip().toLowerCase(Locale.ROOT), v);
    }
    return new ValueMap(exact, folded, fallback, hasFallback);
  }

  private void checkCode(String field, String value, String pointer) {
    if (value == null || value.contains("{")) {
      return;
    }
    String list = switch (field) {
      case "geoLevel" -> "geo-level";
      case "raceEthnicity" -> "race-ethnicity";
      case "sex" -> "sex";
      case "disability" -> "disability";
      case "nativity" -> "nativity";
      case "income" -> "income-band";
      case "status" -> "status";
      case "unit" -> "unit";
      case "domain" -> "domain";
      default -> null;
    };
    if (list != null && !StandardLists.codes(list).isEmpty() && !StandardLists.has(list, value)) {
      problem(pointer, "'" + value + "' is not a code of the codelist " + list + "; codes: "
          + String.join(", ", StandardLists.codes(list).keySet()));
    }
  }

  private void checkPlaceholders(String template, Set<String> groups, String pointer) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!groups.contains(m.group(1)) && !"label".equals(m.group(1)) && !"column".equals(m.group(1))) {
        problem(pointer, "the placeholder {" + m.group(1) + "} is not a named group of the pattern; groups: " + groups);
      }
    }
  }

  private Pattern compile(String regex, int flags, String pointer) {
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      problem(pointer, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex()
          + " of " + regex);
      return null;
    }
  }

  /**
   * The named groups of a pattern.
   *
   * @param p a pattern
   * @return its group names
   */
  static Set<String> groups(Pattern p) {
    if (p == null) {
      return Set.of();
    }
    return GROUPS.computeIfAbsent(p, k -> {
      Set<String> out = new LinkedHashSet<>();
      Matcher m = NAMED_GROUP.matcher(k.pattern());
      while (m.find()) {
        out.add(m.group(1));
      }
      return java.util.Collections.unmodifiableSet(out);
    });
  }

  /** Named groups by pattern (patterns compare by identity; a mapping's patterns live as long as it). */
  private static final Map<Pattern, Set<String>> GROUPS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static List<String> strings(JsonNode n, List<String> dflt) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : n) {
      out.add(v.asString());
    }
    return out;
  }
}
