package org.civicequity.publish.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.IndicatorSource;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.publish.CensusMoe;
import org.civicequity.publish.Conversion;
import org.civicequity.publish.ConversionProblem;
import org.civicequity.publish.ConversionProblem.Severity;
import org.civicequity.publish.Estimate;
import org.civicequity.publish.internal.MappingModel.ColumnOperand;
import org.civicequity.publish.internal.MappingModel.ColumnRule;
import org.civicequity.publish.internal.MappingModel.ConstantOperand;
import org.civicequity.publish.internal.MappingModel.DerivedSpec;
import org.civicequity.publish.internal.MappingModel.FieldSpec;
import org.civicequity.publish.internal.MappingModel.IndicatorSpec;
import org.civicequity.publish.internal.MappingModel.Operand;
import org.civicequity.publish.internal.MappingModel.OperationOperand;
import org.civicequity.publish.internal.MappingModel.Setter;
import org.civicequity.publish.internal.MappingModel.SkipWhen;
import org.civicequity.publish.internal.MappingModel.Spec;

/**
 * Converts one table with one mapping. Streaming over rows; keeps the converted observations
 * (a source folder is small compared with a feed's validation, and publish sorts them anyway).
 */
public final class ConversionEngine {
  private static final Pattern GEO_ID = Pattern.compile("^([0-9]{3})[0-9A-Z]{4}US([0-9A-Z]+)$");
  private static final Map<String, String> SUMMARY_LEVELS = Map.of("010", "nation", "040", "state", "050", "county",
      "060", "county-subdivision", "140", "tract", "150", "block-group", "160", "place", "860", "zcta");
  private static final Map<Integer, String> LEVEL_BY_LENGTH = Map.of(2, "state", 5, "county", 7, "place",
      10, "county-subdivision", 11, "tract", 12, "block-group");
  private static final int MAX_EXAMPLES_PER_CODE = 100;

  private final Spec spec;
  private final int threads;
  private final Path input;
  private final String inputName;
  private final CellParser cells;
  private final List<ConversionProblem> problems = new ArrayList<>();
  private final Map<String, Integer> problemCounts = new LinkedHashMap<>();
  private final Map<String, IndicatorSpec> byCode = new HashMap<>();
  private final Map<String, IndicatorSpec> byAlias = new HashMap<>();
  private final Map<String, IndicatorSpec> autoDeclared = new LinkedHashMap<>();
  private final Set<String> usedIndicators = new java.util.HashSet<>();
  private final Map<String, Geography> geographies = new TreeMap<>();
  /**
   * The observations, as the runs of rows made them: one list is built at the end, rather than
   * storing each new (young) observation into one ever-growing (old) array, which the garbage
   * collector would rescan at every young collection.
   */
  private final List<List<Observation>> observationRuns = new ArrayList<>();
  private final List<List<Map<String, String>>> fieldColumnRuns = new ArrayList<>();
  // a table of recent number boxes per thread of conversion (RowWork runs on the pool's threads)
  private final ThreadLocal<Boxes> boxesOfThread = ThreadLocal.withInitial(Boxes::new);
  private final Map<List<Object>, Map<String, String>> columnMaps = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> geoIdLengths = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> keptCounts = new HashMap<>();
  private CustomAreas areas;
  private final Set<String> unknownNames = new java.util.HashSet<>();

  // header state
  private List<String> header = List.of();
  private List<String> labels = List.of();
  private long headerLine;
  private final Map<String, Integer> columnIndex = new HashMap<>();
  private final Map<String, Integer> foldedIndex = new HashMap<>();
  private final Map<String, Integer> fieldColumn = new LinkedHashMap<>();
  private final List<ColumnPlan> plans = new ArrayList<>();
  private final List<DerivedPlan> derivedPlans = new ArrayList<>();
  private final List<int[]> skipWhen = new ArrayList<>();
  private final List<Pattern> skipWhenPatterns = new ArrayList<>();
  private List<FieldPlan> fieldPlans = List.of();
  private int geoIdColumn = -1;
  private boolean hasValueField;
  private final FieldMap<String> constants = new FieldMap<>();

  /** A value column of the wide layout and the observation fields it carries. */
  private record ColumnPlan(int index, String name, Map<String, String> fields, String measure, int group) {
    int measureField() {
      return FieldMap.index(measure);
    }
  }

  private final Map<Map<String, String>, Integer> groupIds = new HashMap<>();
  private final List<Map<String, String>> groupFields = new ArrayList<>();

  /** A derived indicator for one forEach key, with its columns resolved. */
  private record DerivedPlan(DerivedSpec spec, String key, Map<String, String> fields, Map<String, int[]> columns) {
  }

  /**
   * Creates an engine.
   *
   * @param spec      the mapping (with command-line constants applied)
   * @param input     the input file
   * @param inputName the input file's name for locations
   */
  public ConversionEngine(Spec spec, Path input, String inputName) {
    this(spec, input, inputName, 0);
  }

  /**
   * Creates an engine that converts rows on at most the given number of threads.
   *
   * @param spec      the mapping (with command-line constants applied)
   * @param input     the input file
   * @param inputName the input file's name for locations
   * @param threads   the most threads converting rows; 0 for one per processor (at most 4)
   */
  public ConversionEngine(Spec spec, Path input, String inputName, int threads) {
    this.threads = threads;
    this.spec = spec;
    this.input = input;
    this.inputName = inputName;
    this.cells = new CellParser(spec.markers(), spec.input().thousands(), spec.input().decimal());
    for (IndicatorSpec i : spec.indicators().values()) {
      for (String c : i.codes()) {
        byCode.put(c, i);
      }
      for (String a : i.aliases()) {
        byAlias.put(CustomAreas.key(a), i);
      }
      byAlias.putIfAbsent(CustomAreas.key(i.name()), i);
    }
  }

  /**
   * Runs the conversion.
   *
   * @return the result
   * @throws IOException if the input (or a crosswalk) cannot be read at all; the message says
   *     where
   */
  public Conversion run() throws IOException {
    if (spec.geography().custom() != null) {
      areas = new CustomAreas(spec.geography().custom());
    }
    try (Table opened = open()) {
      if (!readHeader(opened)) {
        return result();
      }

      plan();
      if (plans.isEmpty() && derivedPlans.isEmpty() && !fieldColumnOrConstant("value")) {
        problem(Severity.ERROR, "NO_VALUE_COLUMNS", "no column of the file holds values under this mapping"
            + (spec.wide() ? ": no column name matches a rule of wide.columns" : ""), headerLocation(null), null);
        return result();
      }
      try (Table table = new PrefetchingTable(opened)) {
        convertRows(table);
      }
    }
    return result();
  }

  /** Rows converted together (one task when converting on several threads). */
  private static final int BATCH_ROWS = 4096;

  /**
   * Converts the data rows: runs of rows on several threads when the result cannot depend on
   * the order (it can when unknown area names become new areas: the first spelling names the
   * area), merged in file order.
   */
  private void convertRows(Table table) throws IOException {
    boolean orderFree = areas == null || !spec.geography().custom().acceptUnknown();
    int threads = !orderFree ? 1 : this.threads > 0 ? this.threads
        : Math.min(4, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService pool = threads <= 1 ? null
        : java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "civic-equity-convert");
          t.setDaemon(true);
          return t;
        });
    java.util.ArrayDeque<java.util.concurrent.Future<RowWork>> pending = new java.util.ArrayDeque<>();
    try {
      long dataRow = 0;
      List<Table.RawRow> batch = new ArrayList<>(BATCH_ROWS);
      Table.RawRow raw;
      while ((raw = table.next()) != null) {
        if (raw.blank()) {
          if (spec.input().stopAtBlankRow() && dataRow > 0) {
            break;
          }
          continue;
        }
        if (spec.input().footer() != null && spec.input().footer().matcher(raw.firstNonBlank()).find()) {
          if (spec.input().footerEndsData()) {
            break;
          }
          continue;
        }
        if (skip(raw)) {
          continue;
        }
        dataRow++;
        batch.add(raw);
        if (batch.size() == BATCH_ROWS) {
          convertBatch(pool, pending, batch, dataRow - batch.size() + 1);
          batch = new ArrayList<>(BATCH_ROWS);
          while (pending.size() > 2 * threads) {
            merge(join(pending.poll()));
          }
        }
      }
      if (!batch.isEmpty()) {
        convertBatch(pool, pending, batch, dataRow - batch.size() + 1);
      }
      while (!pending.isEmpty()) {
        merge(join(pending.poll()));
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private void convertBatch(java.util.concurrent.ExecutorService pool,
      java.util.Queue<java.util.concurrent.Future<RowWork>> pending, List<Table.RawRow> rows, long firstRow) {
    java.util.concurrent.Callable<RowWork> task = () -> {
      RowWork work = new RowWork(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        work.convertRow(firstRow + i, rows.get(i));
      }
      return work;
    };
    if (pool == null) {
      try {
        merge(task.call());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    } else {
      pending.add(pool.submit(task));
    }
  }

  private static RowWork join(java.util.concurrent.Future<RowWork> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the conversion was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Adds a run's results, in file order, keeping the first problems of each code. */
  private void merge(RowWork w) {
    observationRuns.add(w.observations);
    fieldColumnRuns.add(w.fieldColumns);
    usedIndicators.addAll(w.usedIndicators);
    w.geographies.forEach(geographies::putIfAbsent);
    for (ConversionProblem p : w.problems) {
      if (UNKNOWN_GEOGRAPHY_NAME.equals(p.code())) {
        // only the first row naming an unknown area in the whole file reports it
        if (unknownNames.add(p.value())) {
          add(p);
        }
        continue;
      }
      problemCounts.putIfAbsent(p.code(), 0);
      if (keptCounts.getOrDefault(p.code(), 0) < MAX_EXAMPLES_PER_CODE) {
        problems.add(p);
        keptCounts.merge(p.code(), 1, Integer::sum);
      }
    }
    w.problemCounts.forEach((code, n) -> problemCounts.merge(code, n, Integer::sum));
  }

  private boolean fieldColumnOrConstant(String field) {
    return fieldColumn.containsKey(field) || spec.constants().containsKey(field)
        || (spec.fields().containsKey(field) && spec.fields().get(field).constant() != null);
  }

  private Table open() throws IOException {
    String format = spec.input().format();
    if (format == null) {
      String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
      format = n.endsWith(".xlsx") || n.endsWith(".xlsm") ? "xlsx" : "csv";
    }
    if ("xlsx".equals(format)) {
      return new XlsxTable(input, inputName, spec.input().sheet());
    }
    XlsxTable.refuseLegacyWorkbook(input, inputName);
    return new CsvTable(input, inputName, spec.input().delimiter(), spec.input().charset());
  }

  private boolean readHeader(Table table) throws IOException {
    Table.RawRow raw = null;
    for (int i = 0; i < spec.input().headerRow(); i++) {
      raw = table.next();
      if (raw == null) {
        problem(Severity.ERROR, "HEADER_MISSING", "the file ends before its header row " + spec.input().headerRow()
            + " (input.headerRow)", SourceLocation.ofFile(inputName), null);
        return false;
      }
    }
    headerLine = raw.line();
    List<String> names = new ArrayList<>();
    for (String c : raw.cells()) {
      names.add(CellParser.text(c));
    }
    header = names;
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (h.isEmpty()) {
        continue;
      }
      if (columnIndex.putIfAbsent(h, i) != null) {
        problem(Severity.WARNING, "DUPLICATE_COLUMN", "the column name '" + h + "' occurs twice; only the first is used",
            headerLocation(h), h);
      }
      foldedIndex.putIfAbsent(h.toLowerCase(Locale.ROOT), i);
    }
    int skipped = 0;
    if (spec.input().labelRow() > 0) {
      for (int i = spec.input().headerRow(); i < spec.input().labelRow(); i++) {
        raw = table.next();
        if (raw == null) {
          return false;
        }
      }
      List<String> l = new ArrayList<>();
      raw.cells().forEach(c -> l.add(CellParser.text(c)));
      labels = l;
    }
    while (skipped < spec.input().skipRowsAfterHeader()) {
      if (table.next() == null) {
        return false;
      }
      skipped++;
    }
    return true;
  }

  private Integer column(String name) {
    Integer i = columnIndex.get(name);
    return i != null ? i : foldedIndex.get(name.strip().toLowerCase(Locale.ROOT));
  }

  private void plan() {
    for (FieldSpec f : spec.fields().values()) {
      if (f.columns().isEmpty()) {
        continue;
      }
      Integer idx = null;
      for (String c : f.columns()) {
        idx = column(c);
        if (idx != null) {
          break;
        }
      }
      if (idx == null) {
        boolean required = f.required() != null ? f.required() : "value".equals(f.field());
        Severity sev = required ? Severity.ERROR : f.required() == null ? Severity.WARNING : Severity.INFO;
        problem(sev, "COLUMN_NOT_FOUND", "the mapping reads the field '" + f.field() + "' from "
            + (f.columns().size() == 1 ? "the column '" + f.columns().get(0) + "'" : "one of the columns " + f.columns())
            + ", which the file does not have; its columns: " + abbreviate(header), headerLocation(null), null);
      } else {
        fieldColumn.put(f.field(), idx);
      }
    }
    for (SkipWhen s : spec.input().skipWhen()) {
      Integer idx = column(s.column());
      if (idx != null) {
        skipWhen.add(new int[] {idx});
        skipWhenPatterns.add(s.pattern());
      }
    }
    if (spec.wide()) {
      planWide();
    }
    planDerived();
    fieldPlans = fieldPlans();
    geoIdColumn = fieldColumn.getOrDefault("geoId", -1);
    hasValueField = spec.fields().containsKey("value");
    spec.constants().forEach(constants::put);
  }

  private void planWide() {
    java.util.Set<Integer> used = new java.util.HashSet<>(fieldColumn.values());
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty() || used.contains(i) || spec.ignoreColumns().stream().anyMatch(p -> p.matcher(name).matches())) {
        continue;
      }
      ColumnRule rule = null;
      Matcher m = null;
      for (ColumnRule r : spec.columnRules()) {
        Matcher mm = r.pattern().matcher(name);
        if (mm.matches()) {
          rule = r;
          m = mm;
          break;
        }
      }
      if (rule == null) {
        unused.add(name);
        continue;
      }
      Map<String, String> groups = new HashMap<>();
      for (String g : MappingBuilder.groups(rule.pattern())) {
        groups.put(g, m.group(g));
      }
      groups.put("column", name);
      groups.put("label", i < labels.size() ? labels.get(i) : name);
      Map<String, String> fields = new TreeMap<>();
      for (Map.Entry<String, Setter> e : rule.set().entrySet()) {
        String v = apply(e.getValue(), groups);
        if (v != null && !v.isEmpty()) {
          fields.put(e.getKey(), v);
        }
      }
      String measure = apply(rule.measure(), groups);
      if (measure == null || !(Observation.NUMERIC_FIELDS.contains(measure) || "note".equals(measure))) {
        problem(Severity.ERROR, "UNKNOWN_MEASURE", "the column '" + name + "' fills '" + measure
            + "', which is not value, moe, lower, upper, numerator, denominator or note (check the rule's measure map at "
            + rule.pointer() + ")", headerLocation(name), name);
        continue;
      }
      String indicatorText = fields.get("indicator");
      IndicatorSpec ind = indicatorText == null ? null : resolveIndicator(indicatorText, rule.indicatorBy());
      if (ind == null && indicatorText != null) {
        if ("ignore".equals(rule.unknown())) {
          unused.add(name);
          continue;
        }
        if ("declare".equals(rule.unknown())) {
          ind = declare(indicatorText, rule, groups, name);
        } else {
          problem(Severity.ERROR, "UNKNOWN_INDICATOR_CODE", unknownIndicatorMessage(indicatorText, name),
              headerLocation(name), indicatorText);
          continue;
        }
        if (ind == null) {
          continue;
        }
      }
      if (ind != null) {
        fields.put("indicator", ind.id());
      }
      Map<String, String> key = Map.copyOf(fields);
      Integer gid = groupIds.get(key);
      if (gid == null) {
        gid = groupFields.size();
        groupIds.put(key, gid);
        groupFields.add(key);
      }
      plans.add(new ColumnPlan(i, name, fields, measure, gid));
    }
    if (!unused.isEmpty()) {
      problem(Severity.INFO, "UNUSED_COLUMNS", unused.size() + " column(s) match no rule of wide.columns and are not "
          + "read: " + abbreviate(unused), headerLocation(null), null);
    }
  }

  private String unknownIndicatorMessage(String code, String column) {
    return "the column '" + column + "' names the indicator '" + code + "', which the mapping does not declare. "
        + "Declare it in your mapping, for example: {\"extends\": \""
        + (spec.name() == null ? "…" : "recipe:" + spec.name()) + "\", \"indicators\": [{\"id\": \""
        + CustomAreas.slug(code) + "\", \"codes\": [\"" + code + "\"], \"name\": \"…\", \"unit\": \"percent\", "
        + "\"polarity\": \"lower-is-better\", \"domain\": \"…\"}]}";
  }

  private IndicatorSpec declare(String text, ColumnRule rule, Map<String, String> groups, String column) {
    String id = text.toLowerCase(Locale.ROOT);
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 64) {
      problem(Severity.ERROR, "INVALID_INDICATOR_ID", "the column '" + column + "' gives the indicator id '" + text
          + "', which is not a lower-kebab-case slug of at most 64 characters (check the rule at " + rule.pointer() + ")",
          headerLocation(column), text);
      return null;
    }
    IndicatorSpec existing = autoDeclared.get(id);
    if (existing != null) {
      return existing;
    }
    MappingModel.AutoIndicator a = rule.auto();
    String label = groups.get("label");
    String unit = a.unit() == null ? "count" : a.unit();
    for (MappingModel.UnitRule u : a.unitFromLabel()) {
      if (u.pattern().matcher(label).find()) {
        unit = u.unit();
        break;
      }
    }
    String name = fill(a.name() == null ? "{column}" : a.name(), groups);
    String description = a.description() == null ? name : fill(a.description(), groups);
    IndicatorSpec s = new IndicatorSpec(id, List.of(), List.of(), name, description,
        a.domain() == null ? "demographics" : a.domain(), unit, null, a.polarity() == null ? "neutral" : a.polarity(),
        "year", null, null, null, a.source(), null, null, null, rule.pointer() + "/autoIndicator");
    autoDeclared.put(id, s);
    return s;
  }

  private IndicatorSpec resolveIndicator(String text, String by) {
    IndicatorSpec s = null;
    if ("id-or-code".equals(by)) {
      s = spec.indicators().get(text);
      if (s == null) {
        s = autoDeclared.get(text);
      }
    }
    if (s == null && !"alias".equals(by)) {
      s = byCode.get(text);
    }
    if (s == null && !"code".equals(by)) {
      s = byAlias.get(CustomAreas.key(text));
    }
    return s;
  }

  private void planDerived() {
    for (DerivedSpec d : spec.derived()) {
      Map<String, Map<String, String>> keys = d.forEach().isEmpty() ? Map.of("", Map.of()) : d.forEach();
      for (Map.Entry<String, Map<String, String>> k : keys.entrySet()) {
        Map<String, int[]> cols = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        collectColumns(d.value(), k.getKey(), cols, missing);
        if (!missing.isEmpty()) {
          problem(Severity.ERROR, "COLUMN_NOT_FOUND", "the derived indicator '" + d.indicator() + "'"
              + (k.getKey().isEmpty() ? "" : " for " + k.getKey()) + " needs the column(s) " + missing
              + " (estimates end with " + spec.estimateSuffixes() + "), which the file does not have (mapping "
              + spec.origin() + " at " + d.pointer() + ")", headerLocation(null), String.join(", ", missing));
          continue;
        }
        derivedPlans.add(new DerivedPlan(d, k.getKey(), k.getValue(), cols));
      }
    }
  }

  /** Resolves a base name to {estimate column, moe column or -1}. */
  private void collectColumns(Operand o, String each, Map<String, int[]> cols, List<String> missing) {
    if (o instanceof ColumnOperand c) {
      String base = c.base().replace("{each}", each);
      if (cols.containsKey(base)) {
        return;
      }
      Integer est = null;
      Integer moe = null;
      for (String s : spec.estimateSuffixes()) {
        est = column(base + s);
        if (est != null) {
          break;
        }
      }
      for (String s : spec.moeSuffixes()) {
        moe = column(base + s);
        if (moe != null) {
          break;
        }
      }
      if (est == null) {
        est = column(base);
        if (est != null && moe == null) {
          moe = -2; // a plain column without a margin of error: an exact count
        }
      }
      if (est == null) {
        missing.add(base + spec.estimateSuffixes().get(0));
      } else {
        cols.put(base, new int[] {est, moe == null ? -1 : moe});
      }
    } else if (o instanceof OperationOperand op) {
      for (Operand a : op.args()) {
        collectColumns(a, each, cols, missing);
      }
    }
  }

  private boolean skip(Table.RawRow raw) {
    for (int i = 0; i < skipWhen.size(); i++) {
      int idx = skipWhen.get(i)[0];
      String text = idx < raw.cells().size() ? CellParser.text(raw.cells().get(idx)) : "";
      if (skipWhenPatterns.get(i).matcher(text).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String apply(Setter s, Map<String, String> groups) {
    String v;
    if (s.template() != null && s.group() == null) {
      v = fill(s.template(), groups);
    } else {
      v = groups.get(s.group());
      if (v != null && s.template() != null) {
        Map<String, String> g = new HashMap<>(groups);
        g.put(s.group(), v);
        v = fill(s.template(), g);
      }
    }
    if (s.map() != null) {
      v = s.map().apply(v);
    }
    return v;
  }

  /**
   * Fills a template's {group} placeholders. A template may list alternatives separated by
   * {@code ||}: the first whose placeholders all have a value is used (e.g.
   * {@code {from}/{to}||{to}} for "2015-2019" and "2019").
   */
  static String fill(String template, Map<String, String> groups) {
    String[] alternatives = template.split("\\|\\|", -1);
    for (int i = 0; i < alternatives.length - 1; i++) {
      Matcher m = MappingBuilder.PLACEHOLDER.matcher(alternatives[i]);
      boolean complete = true;
      while (m.find()) {
        String v = groups.get(m.group(1));
        complete &= v != null && !v.isEmpty();
      }
      if (complete) {
        return fillOne(alternatives[i], groups);
      }
    }
    return fillOne(alternatives[alternatives.length - 1], groups);
  }

  private static String fillOne(String template, Map<String, String> groups) {
    Matcher m = MappingBuilder.PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = groups.get(m.group(1));
      if (v == null) {
        v = "";
      }
      if ("lower".equals(m.group(2))) {
        v = v.toLowerCase(Locale.ROOT);
      } else if ("upper".equals(m.group(2))) {
        v = v.toUpperCase(Locale.ROOT);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  // ---------------------------------------------------------------- rows

  /**
   * A field of the mapping as it is read in every row: from a column of the header, from a
   * constant, or (the level) from the form of the GEOID.
   *
   * @param spec       the field's mapping
   * @param field      its index in {@link Observation#FIELDS}
   * @param column     the column index, or -1
   * @param columnName the column name, or null
   * @param numeric    whether the field is a number
   */
  private record FieldPlan(FieldSpec spec, int field, int column, String columnName, boolean numeric) {
  }

  /** The fields read in every row, in the order of {@link Observation#FIELDS}. */
  private List<FieldPlan> fieldPlans() {
    List<FieldPlan> out = new ArrayList<>();
    for (FieldSpec f : spec.fields().values()) {
      Integer idx = fieldColumn.get(f.field());
      if (f.constant() == null && idx == null && !f.geoLevelFromGeoId()) {
        continue;
      }
      int column = f.constant() != null || idx == null ? -1 : idx;
      out.add(new FieldPlan(f, FieldMap.index(f.field()), column, column < 0 ? null : header.get(column),
          Observation.NUMERIC_FIELDS.contains(f.field())));
    }
    out.sort(java.util.Comparator.comparingInt(FieldPlan::field));
    return List.copyOf(out);
  }

  /**
   * The conversion of a run of consecutive rows. Its observations, problems and the areas and
   * indicators it used are kept apart and merged in file order by {@link #merge(RowWork)}, so
   * that runs can be converted on several threads with the same result as on one.
   */
  private final class RowWork {
    private final List<ConversionProblem> problems = new ArrayList<>();
    private final Map<String, Integer> problemCounts = new HashMap<>();
    private final Set<String> usedIndicators = new java.util.HashSet<>();
    private final Map<String, Geography> geographies = new HashMap<>();
    private final List<Observation> observations;
    private final List<Map<String, String>> fieldColumns;
    private final Set<String> unknownNames = new java.util.HashSet<>();
    // scratch maps of the row being converted (copied into drafts, never kept)
    private final FieldMap<String> rowText = new FieldMap<>();
    private final FieldMap<CellParser.Cell> rowNumbers = new FieldMap<>();
    // the row's plain decimals (most numbers), kept without a CellParser.Cell
    private final FieldMap<Double> rowPlain = new FieldMap<>();
    private final Boxes boxes = boxesOfThread.get();
    private final FieldMap<String> rowColumns = new FieldMap<>();
    private final FieldMap<Double> rowDraftNumbers = new FieldMap<>();
    // the draft over the scratch maps: a long layout's only draft of a row, when nothing derives
    private Draft rowDraft;
    private String lastUsedIndicator;
    // the last field-to-column map, for the common case of a row like the one before
    private Object[] lastColumns;
    private Map<String, String> lastColumnMap;
    private final Map<String, String> acs5Periods = new HashMap<>();

    RowWork(int expectedRows) {
      observations = new ArrayList<>(expectedRows);
      fieldColumns = new ArrayList<>(expectedRows);
    }

    /**
     * Records a problem; the first {@value #MAX_EXAMPLES_PER_CODE} of a code are kept (the merge
     * keeps the first ones of the whole file). An unknown area name is kept at its first
     * occurrence in this run, and counted when merged (only its first occurrence in the file is).
     */
    private void problem(Severity s, String code, String message, SourceLocation at, String value) {
      if (UNKNOWN_GEOGRAPHY_NAME.equals(code)) {
        problems.add(new ConversionProblem(s, code, message, at, value));
        return;
      }
      int n = problemCounts.merge(code, 1, Integer::sum);
      if (n <= MAX_EXAMPLES_PER_CODE) {
        problems.add(new ConversionProblem(s, code, message, at, value));
      }
    }

    /** An observation being assembled from cells. */
    private final class Draft {
      final FieldMap<String> text;
      final FieldMap<Double> numbers;
      Map<String, String> unparsed = Map.of();
      final FieldMap<String> columns;
      final List<String> notes = new ArrayList<>(0);
      String markerStatus;
      boolean valueBlank;
      boolean anyMeasure;
      String valueColumn;
      boolean derived;

      Draft() {
        this(new FieldMap<>(), new FieldMap<>(), new FieldMap<>());
      }

      /** A draft that fills the given maps (scratch maps of the row when it is the row's only draft). */
      Draft(FieldMap<String> text, FieldMap<Double> numbers, FieldMap<String> columns) {
        this.text = text;
        this.numbers = numbers;
        this.columns = columns;
      }

      /**
       * Makes this draft (over the row's scratch maps, which the row clears) new again for the
       * next row; the unparsed map went into an observation, so it is replaced, not cleared.
       */
      Draft reset() {
        unparsed = Map.of();
        notes.clear();
        markerStatus = null;
        valueBlank = false;
        anyMeasure = false;
        valueColumn = null;
        derived = false;
        return this;
      }

      /** A plain number (what {@link #number} does with a cell that is one, and no marker). */
      void plainNumber(int field, Double n, String column) {
        columns.put(field, column);
        if (field == FieldMap.VALUE) {
          valueColumn = column;
          anyMeasure = true;
        }
        numbers.put(field, n);
      }

      void number(int field, CellParser.Cell c, String column, long row, long line) {
        columns.put(field, column);
        if (field == FieldMap.VALUE) {
          valueColumn = column;
          anyMeasure = true;
          if (c.blank()) {
            valueBlank = true;
          }
          if (c.status() != null) {
            markerStatus = worse(markerStatus, c.status());
            notes.add(c.note());
          }
        } else if (c.status() != null && c.number() == null && field != FieldMap.MOE) {
          notes.add(Observation.FIELDS.get(field) + ": " + c.note());
        } else if (c.note() != null) {
          notes.add(c.note());
        }
        if (c.number() != null) {
          numbers.put(field, c.number());
        } else if (c.notANumber()) {
          if (unparsed.isEmpty()) {
            unparsed = new HashMap<>(2);
          }
          unparsed.put(Observation.FIELDS.get(field), c.raw());
          problem(Severity.ERROR, "NOT_A_NUMBER", "the cell is not a number and not a known marker of a missing "
              + "value; declare it in the mapping's \"markers\" (e.g. \"missing\": [\"" + c.raw() + "\"]) if it "
              + "means one", new SourceLocation(inputName, row, line, column, null), c.raw());
        }
      }
    }

    private Draft draft() {
      Draft d = new Draft();
      d.text.putAll(rowText);
      d.columns.putAll(rowColumns);
      return d;
    }

    void convertRow(long row, Table.RawRow raw) {
      rowText.clear();
      rowNumbers.clear();
      rowPlain.clear();
      rowColumns.clear();
      List<String> rowCells = raw.cells();
      // (indexed loops: an iterator per row and list was a megabyte of garbage per thousand rows)
      for (int fi = 0, nf = fieldPlans.size(); fi < nf; fi++) {
        FieldPlan fp = fieldPlans.get(fi);
        FieldSpec f = fp.spec();
        String text;
        if (f.constant() != null) {
          text = f.constant();
        } else if (fp.column() < 0) {
          text = null;
        } else {
          text = fp.column() < rowCells.size() ? rowCells.get(fp.column()) : "";
        }
        if (f.geoLevelFromGeoId()) {
          String g = geoIdColumn < 0 || geoIdColumn >= rowCells.size() ? "" : CellParser.text(rowCells.get(geoIdColumn));
          String lvl = levelOf(g);
          if (lvl != null) {
            rowText.put(FieldMap.GEO_LEVEL, lvl);
            rowColumns.put(FieldMap.GEO_LEVEL, geoIdColumn < 0 ? null : header.get(geoIdColumn));
          }
          continue;
        }
        String colName = fp.columnName();
        String v = fieldText(f, text, row, raw.line(), colName);
        if (v == null) {
          continue;
        }
        if (colName != null) {
          rowColumns.put(fp.field(), colName);
        }
        if (fp.numeric()) {
          boolean moe = fp.field() == FieldMap.MOE;
          double plain = cells.plainNumber(v, colName, moe);
          if (!Double.isNaN(plain)) {
            rowPlain.put(fp.field(), boxes.of(f.scale() != null ? plain * f.scale() : plain));
            continue;
          }
          CellParser.Cell c = moe ? cells.moe(v, colName) : cells.value(v, colName);
          if (c.number() != null && f.scale() != null) {
            c = new CellParser.Cell(c.raw(), c.number() * f.scale(), c.status(), c.note(), c.marker());
          }
          rowNumbers.put(fp.field(), c);
        } else if (!v.isEmpty()) {
          rowText.put(fp.field(), v);
        }
      }
      if (!spec.wide()) {
        if (hasValueField) {
          // the row's only draft when no derived indicator reads the row's fields afterwards: it
          // can fill the row's scratch maps instead of copies
          Draft d;
          if (derivedPlans.isEmpty()) {
            rowDraftNumbers.clear();
            if (rowDraft == null) {
              rowDraft = new Draft(rowText, rowDraftNumbers, rowColumns);
            }
            d = rowDraft.reset();
          } else {
            d = draft();
          }
          for (int i = 0; i < FieldMap.SIZE; i++) {
            rowNumber(d, i, row, raw.line());
          }
          finish(d, row, raw.line());
        }
      } else {
        Draft[] drafts = new Draft[groupFields.size()];
        for (int pi = 0, np = plans.size(); pi < np; pi++) {
          ColumnPlan p = plans.get(pi);
          Draft d = drafts[p.group()];
          if (d == null) {
            d = draft();
            drafts[p.group()] = d;
          }
          String cell = p.index() < rowCells.size() ? rowCells.get(p.index()) : "";
          if ("note".equals(p.measure())) {
            String t = CellParser.text(cell);
            if (!t.isEmpty()) {
              d.notes.add(t);
            }
            continue;
          }
          CellParser.Cell c = "moe".equals(p.measure()) ? cells.moe(cell, p.name()) : cells.value(cell, p.name());
          d.number(p.measureField(), c, p.name(), row, raw.line());
        }
        for (int g = 0; g < drafts.length; g++) {
          Draft d = drafts[g];
          if (d == null) {
            continue;
          }
          Map<String, String> key = groupFields.get(g);
          d.text.putAll(key);
          key.keySet().forEach(k -> d.columns.putIfAbsent(k, d.valueColumn));
          for (int i = 0; i < FieldMap.SIZE; i++) {
            if (!d.numbers.containsKey(i)) {
              rowNumber(d, i, row, raw.line());
            }
          }
          if (!d.anyMeasure) {
            continue;
          }
          finish(d, row, raw.line());
        }
      }
      for (int di = 0, nd = derivedPlans.size(); di < nd; di++) {
        derive(derivedPlans.get(di), raw, row);
      }
    }

    /** Gives a draft the row's number of a field, if the row has one. */
    private void rowNumber(Draft d, int field, long row, long line) {
      Double plain = rowPlain.get(field);
      if (plain != null) {
        d.plainNumber(field, plain, rowColumns.get(field));
        return;
      }
      CellParser.Cell c = rowNumbers.get(field);
      if (c != null) {
        d.number(field, c, rowColumns.get(field), row, line);
      }
    }

    private String fieldText(FieldSpec f, String rawText, long row, long line, String column) {
      String t = CellParser.text(rawText);
      if (f.pattern() != null && !t.isEmpty()) {
        Matcher m = f.pattern().matcher(t);
        if (!m.find()) {
          problem(Severity.ERROR, "PATTERN_MISMATCH", "the cell does not match the pattern of the field '" + f.field()
              + "' (" + f.pattern().pattern() + ", mapping " + spec.origin() + " at " + f.pointer() + ")",
              new SourceLocation(inputName, row, line, column, null), t);
          return null;
        }
        Set<String> groups = MappingBuilder.groups(f.pattern());
        if (f.template() != null) {
          Map<String, String> g = new HashMap<>();
          groups.forEach(n -> g.put(n, m.group(n)));
          t = fill(f.template(), g);
        } else if (groups.contains("value")) {
          t = m.group("value") == null ? "" : m.group("value");
        } else {
          t = m.group();
        }
      }
      if (f.map() != null) {
        String mapped = f.map().apply(t);
        t = mapped == null ? "" : mapped;
      }
      return t;
    }

    // -------------------------------------------------------------- derived

    private void derive(DerivedPlan p, Table.RawRow raw, long row) {
      Draft d = draft();
      d.derived = true;
      d.text.putAll(p.spec().set());
      d.text.putAll(p.fields());
      d.text.put(FieldMap.INDICATOR, p.spec().indicator());
      d.anyMeasure = true;
      List<String> notes = new ArrayList<>();
      Eval e = eval(p.spec().value(), p, raw, row, notes);
      String firstColumn = header.get(p.columns().values().iterator().next()[0]);
      d.valueColumn = firstColumn;
      d.columns.put(FieldMap.VALUE, firstColumn);
      if (e.failStatus() != null) {
        d.markerStatus = e.failStatus();
        d.notes.addAll(e.notes());
      } else {
        Estimate est = e.estimate();
        if (p.spec().scale() != null) {
          est = CensusMoe.scale(est, p.spec().scale());
        }
        double value = round(est.value(), p.spec().decimals());
        d.numbers.put(FieldMap.VALUE, value);
        if (e.moeKnown()) {
          d.numbers.put(FieldMap.MOE, round(est.moe(), p.spec().decimals()));
        }
        d.notes.addAll(e.notes());
        if (p.spec().reportFraction() && p.spec().value() instanceof OperationOperand op && op.args().size() == 2) {
          Eval num = eval(op.args().get(0), p, raw, row, new ArrayList<>());
          Eval den = eval(op.args().get(1), p, raw, row, new ArrayList<>());
          if (num.failStatus() == null && den.failStatus() == null) {
            d.numbers.put(FieldMap.NUMERATOR, num.estimate().value());
            d.numbers.put(FieldMap.DENOMINATOR, den.estimate().value());
          }
        }
      }
      finish(d, row, raw.line());
    }

    private Eval eval(Operand o, DerivedPlan p, Table.RawRow raw, long row, List<String> notes) {
      if (o instanceof ConstantOperand c) {
        return new Eval(Estimate.of(c.value(), 0), true, null, notes);
      }
      if (o instanceof ColumnOperand c) {
        String base = c.base().replace("{each}", p.key());
        int[] cols = p.columns().get(base);
        String estName = header.get(cols[0]);
        String estText = cols[0] < raw.cells().size() ? raw.cells().get(cols[0]) : "";
        CellParser.Cell ec = cells.value(estText, estName);
        if (ec.number() == null || ec.status() != null && ec.status().equals("suppressed")) {
          if (ec.notANumber()) {
            problem(Severity.ERROR, "NOT_A_NUMBER", "the estimate is not a number and not a known marker",
                new SourceLocation(inputName, row, raw.line(), estName, null), ec.raw());
          }
          String status = ec.status() == null ? "not-available" : ec.status();
          if ("ok".equals(status) || "unreliable".equals(status)) {
            status = "not-available";
          }
          notes.add("input " + estName + " is " + (ec.blank() ? "empty" : "'" + ec.raw() + "'"));
          return new Eval(null, false, status, notes);
        }
        if (cols[1] == -2) {
          return new Eval(Estimate.of(ec.number(), 0), true, null, notes);
        }
        if (cols[1] == -1) {
          notes.add("no margin-of-error column for " + estName);
          return new Eval(Estimate.of(ec.number(), 0), false, null, notes);
        }
        String moeName = header.get(cols[1]);
        CellParser.Cell mc = cells.moe(cols[1] < raw.cells().size() ? raw.cells().get(cols[1]) : "", moeName);
        if (mc.number() == null || mc.number() < 0) {
          notes.add("margin of error not computable: " + moeName + " is " + (mc.blank() ? "empty" : "'" + mc.raw() + "'"));
          return new Eval(Estimate.of(ec.number(), 0), false, null, notes);
        }
        return new Eval(Estimate.of(ec.number(), mc.number()), true, null, notes);
      }
      OperationOperand op = (OperationOperand) o;
      List<Eval> args = new ArrayList<>();
      for (Operand a : op.args()) {
        Eval e = eval(a, p, raw, row, notes);
        if (e.failStatus() != null) {
          return e;
        }
        args.add(e);
      }
      boolean moeKnown = args.stream().allMatch(Eval::moeKnown);
      List<Estimate> ests = args.stream().map(Eval::estimate).toList();
      Estimate out;
      switch (op.op()) {
        case "sum" -> out = CensusMoe.sum(ests);
        case "difference" -> out = CensusMoe.difference(ests.get(0), ests.get(1));
        case "product" -> out = CensusMoe.product(ests.get(0), ests.get(1));
        default -> {
          if (ests.get(1).value() == 0) {
            notes.add("the denominator is 0");
            return new Eval(null, false, "not-applicable", notes);
          }
          if ("proportion".equals(op.op())) {
            if (CensusMoe.proportionNeedsRatioFormula(ests.get(0), ests.get(1))) {
              notes.add("MOE by the ratio formula (the proportion formula's radicand is negative)");
            }
            out = CensusMoe.proportion(ests.get(0), ests.get(1));
          } else {
            out = CensusMoe.ratio(ests.get(0), ests.get(1));
          }
        }
      }
      return new Eval(out, moeKnown, null, notes);
    }

    // -------------------------------------------------------------- finishing an observation

    private void finish(Draft d, long row, long line) {
      for (int i = 0; i < FieldMap.SIZE; i++) {
        String c = constants.get(i);
        if (c != null) {
          d.text.putIfAbsent(i, c);
        }
      }
      SourceLocation at = new SourceLocation(inputName, row, line, d.valueColumn, null);
      // indicator
      String indText = d.text.get(FieldMap.INDICATOR);
      IndicatorSpec ind = null;
      if (indText != null) {
        ind = d.derived ? spec.indicators().get(indText) : resolveIndicator(indText, "id-or-code");
        if (ind == null) {
          String column = d.columns.getOrDefault(FieldMap.INDICATOR, "indicator");
          problem(Severity.ERROR, "UNKNOWN_INDICATOR_CODE", unknownIndicatorMessage(indText, column), at.field(column),
              indText);
          return;
        }
        d.text.put(FieldMap.INDICATOR, ind.id());
      }
      // geography
      if (!geography(d, at)) {
        return;
      }
      // period
      String period = d.text.get(FieldMap.PERIOD);
      if (ind != null && period != null && "acs5".equals(ind.periodType()) && period.length() == 4 && digits(period)) {
        d.text.put(FieldMap.PERIOD, acs5Periods.computeIfAbsent(period, y -> (Integer.parseInt(y) - 4) + "/" + y));
      }
      // required fields
      for (int f : REQUIRED) {
        if (d.text.get(f) == null || d.text.get(f).isEmpty()) {
          problem(Severity.ERROR, "MISSING_FIELD", "the observation has no " + Observation.FIELDS.get(f)
              + hint(Observation.FIELDS.get(f)), at, null);
          return;
        }
      }
      // unit change
      if (ind != null && ind.sourceUnit() != null && !d.derived && !ind.sourceUnit().equals(ind.unit())) {
        Double from = StandardLists.scale(ind.sourceUnit());
        Double to = StandardLists.scale(ind.unit());
        if (from != null && to != null) {
          double factor = to / from;
          for (int f : RESCALED) {
            Double v = d.numbers.get(f);
            if (v != null) {
              d.numbers.put(f, new BigDecimal(Double.toString(v)).multiply(new BigDecimal(Double.toString(factor)))
                  .stripTrailingZeros().doubleValue());
            }
          }
        }
      }
      String status = d.text.get(FieldMap.STATUS);
      if (status == null) {
        if (d.markerStatus != null && !"ok".equals(d.markerStatus)) {
          status = d.markerStatus;
        } else if (d.numbers.get(FieldMap.VALUE) == null && !d.unparsed.containsKey("value")) {
          status = "not-available";
          if (d.valueBlank) {
            d.notes.add("empty in the source");
          }
        }
      }
      if ("suppressed".equals(status) || "not-available".equals(status) || "not-applicable".equals(status)) {
        d.numbers.put(FieldMap.VALUE, null);
      }
      String note = d.text.get(FieldMap.NOTE);
      String joined;
      if (d.notes.isEmpty()) {
        joined = note;
      } else {
        List<String> notes = new ArrayList<>();
        if (note != null) {
          notes.add(note);
        }
        notes.addAll(d.notes);
        joined = String.join("; ", new java.util.LinkedHashSet<>(notes));
      }
      FieldMap<String> t = d.text;
      FieldMap<Double> n = d.numbers;
      observations.add(new Observation(t.get(FieldMap.INDICATOR), t.get(FieldMap.GEO_LEVEL), t.get(FieldMap.GEO_ID),
          t.get(FieldMap.GEO_NAME), t.get(FieldMap.PERIOD), t.get(FieldMap.RACE_ETHNICITY), t.get(FieldMap.SEX),
          t.get(FieldMap.AGE), t.get(FieldMap.INCOME), t.get(FieldMap.DISABILITY), t.get(FieldMap.NATIVITY),
          n.get(FieldMap.VALUE), n.get(FieldMap.MOE), n.get(FieldMap.LOWER), n.get(FieldMap.UPPER),
          n.get(FieldMap.NUMERATOR), n.get(FieldMap.DENOMINATOR), status, joined, d.unparsed, Map.of(), at));
      fieldColumns.add(columnMap(d.columns));
      if (ind != null && ind.id() != lastUsedIndicator) {
        usedIndicators.add(ind.id());
        lastUsedIndicator = ind.id();
      }
    }

    /** The field-to-column map of a row; most rows share theirs, so one copy of each is kept. */
    private Map<String, String> columnMap(FieldMap<String> columns) {
      if (lastColumns != null && columns.sameAs(lastColumns)) {
        return lastColumnMap;
      }
      List<Object> key = columns.key();
      Map<String, String> cols = columnMaps.computeIfAbsent(key, k -> {
        Map<String, String> m = new TreeMap<>();
        columns.forEach(m::put);
        return Map.copyOf(m);
      });
      lastColumns = key.toArray();
      lastColumnMap = cols;
      return cols;
    }

    private boolean geography(Draft d, SourceLocation at) {
      String level = d.text.get(FieldMap.GEO_LEVEL);
      if (level == null) {
        level = spec.geography().level();
      }
      String geoId = d.text.get(FieldMap.GEO_ID);
      if (geoId != null && geoId.indexOf("US") > 0) {
        Matcher m = GEO_ID.matcher(geoId);
        if (m.matches()) {
          geoId = m.group(2);
          if (level == null) {
            level = SUMMARY_LEVELS.get(m.group(1));
          }
        }
      }
      if ("custom".equals(level) && areas != null && geoId != null) {
        CustomAreas.Area a = areas.resolve(geoId);
        if (a == null && areas.isNotAnArea(geoId)) {
          // e.g. BNIA's "Baltimore City" row: the crosswalk says it is not an area; skip it, say so once
          if (unknownNames.add(geoId)) {
            problem(Severity.INFO, "NOT_AN_AREA", "the row of '" + geoId + "' is skipped: the crosswalk lists "
                + "it among the names that are not areas (geography.custom.crosswalk.skipNames), such as a citywide "
                + "total; to publish it, convert it on its own as a census geography (e.g. --constant "
                + "geoLevel=county with its GEOID)", new SourceLocation(at.file(), at.row(), at.line(),
                d.columns.getOrDefault(FieldMap.GEO_ID, "geoId"), null), geoId);
          }
          return false;
        }
        if (a == null) {
          if (!unknownNames.add(geoId)) {
            return false;
          }
          String column = d.columns.getOrDefault(FieldMap.GEO_ID, "geoId");
          problem(Severity.ERROR, UNKNOWN_GEOGRAPHY_NAME, "the area '" + geoId + "' is not in the crosswalk and has "
              + "no alias; add \"geography\": {\"custom\": {\"aliases\": {\"" + geoId + "\": \"<name in the "
              + "crosswalk>\"}}} to the mapping (known names include " + areas.someNames() + ")",
              new SourceLocation(at.file(), at.row(), at.line(), column, null), geoId);
          return false;
        }
        geoId = a.id();
        d.text.put(FieldMap.GEO_NAME, a.name());
        geographies.computeIfAbsent(a.id(), k -> new Geography(a.id(), a.name(),
            spec.geography().custom().parentGeoId(), a.tracts(),
            SourceLocation.ofFile(spec.origin())));
      } else if (geoId != null && level != null && spec.geography().pad() && digits(geoId)) {
        int len = geoIdLength(level);
        if (len > 0 && geoId.length() < len) {
          geoId = "0".repeat(len - geoId.length()) + geoId;
        }
      }
      if (level != null) {
        d.text.put(FieldMap.GEO_LEVEL, level);
      }
      if (geoId != null) {
        d.text.put(FieldMap.GEO_ID, geoId);
      }
      return true;
    }
  }

  /**
   * The fields every observation needs, geoId before geoLevel: when the level is derived from a
   * missing geoId (geoLevelFromGeoId), the problem names the geoId, not the level.
   */
  private static final int[] REQUIRED = {FieldMap.INDICATOR, FieldMap.GEO_ID, FieldMap.GEO_LEVEL, FieldMap.PERIOD};
  /** The fields a unit change rescales. */
  private static final int[] RESCALED = {FieldMap.VALUE, FieldMap.MOE, FieldMap.LOWER, FieldMap.UPPER};
  private static final String UNKNOWN_GEOGRAPHY_NAME = "UNKNOWN_GEOGRAPHY_NAME";

  /** The GEOID length of a level (looked up once per level). */
  private int geoIdLength(String level) {
    return geoIdLengths.computeIfAbsent(level, StandardLists::geoIdLength);
  }

  /** The result of evaluating an operand in one row. */
  private record Eval(Estimate estimate, boolean moeKnown, String failStatus, List<String> notes) {
  }

  private static String worse(String a, String b) {
    if (a == null) {
      return b;
    }
    List<String> order = List.of("ok", "unreliable", "not-applicable", "not-available", "suppressed");
    return order.indexOf(b) > order.indexOf(a) ? b : a;
  }

  private static double round(double v, Integer decimals) {
    if (decimals == null) {
      return v;
    }
    return new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static String hint(String field) {
    return switch (field) {
      case "period" -> ": give it in the mapping (\"constants\": {\"period\": \"2019\"}, or a field or column rule)"
          + " or on the command line (--constant period=2019)";
      case "geoLevel" -> ": set \"geography\": {\"level\": \"county\"} in the mapping, or --constant geoLevel=county";
      case "geoId" -> ": map a column to geoId in \"fields\"";
      default -> ": map it in \"fields\" or set it in \"constants\"";
    };
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String levelOf(String geoId) {
    if (geoId.indexOf("US") > 0) {
      Matcher m = GEO_ID.matcher(geoId);
      if (m.matches()) {
        return SUMMARY_LEVELS.get(m.group(1));
      }
    }
    return digits(geoId) ? LEVEL_BY_LENGTH.get(geoId.length()) : null;
  }

  // ---------------------------------------------------------------- results

  private SourceLocation headerLocation(String column) {
    return new SourceLocation(inputName, 0, headerLine, column, null);
  }

  private void problem(Severity s, String code, String message, SourceLocation at, String value) {
    add(new ConversionProblem(s, code, message, at, value));
  }

  private void add(ConversionProblem p) {
    int n = problemCounts.merge(p.code(), 1, Integer::sum);
    if (n <= MAX_EXAMPLES_PER_CODE) {
      problems.add(p);
      keptCounts.merge(p.code(), 1, Integer::sum);
    }
  }

  private static String abbreviate(List<String> names) {
    if (names.size() <= 12) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 12)) + " … (" + names.size() + " in all)";
  }

  private Conversion result() {
    List<ConversionProblem> all = new ArrayList<>(problems);
    problemCounts.forEach((code, n) -> {
      if (n > MAX_EXAMPLES_PER_CODE) {
        ConversionProblem first = problems.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
        all.add(new ConversionProblem(first.severity(), code, (n - MAX_EXAMPLES_PER_CODE) + " more " + code
            + " problem(s) like the ones above are not listed", SourceLocation.ofFile(inputName), null));
      }
    });
    List<Indicator> defs = new ArrayList<>();
    for (IndicatorSpec s : spec.indicators().values()) {
      if (usedIndicators.contains(s.id())) {
        defs.add(definition(s));
      }
    }
    for (IndicatorSpec s : autoDeclared.values()) {
      if (usedIndicators.contains(s.id())) {
        defs.add(definition(s));
      }
    }
    int count = 0;
    for (List<Observation> run : observationRuns) {
      count += run.size();
    }
    @SuppressWarnings("unchecked")
    Map<String, String>[] columns = new Map[count];
    return new Conversion(inputName, List.of(inputName), spec.origin(), defs,
        FrozenList.wrap(concat(observationRuns, new Observation[count])), new ArrayList<>(geographies.values()), all,
        spec.feed() == null ? null : spec.feed().toString(), FrozenList.wrap(concat(fieldColumnRuns, columns)));
  }

  /** The runs' elements, in order, in the array (of the runs' total size). */
  private static <E> E[] concat(List<? extends List<E>> runs, E[] into) {
    int at = 0;
    for (List<E> run : runs) {
      for (int i = 0, n = run.size(); i < n; i++) {
        into[at++] = run.get(i);
      }
    }
    return into;
  }

  private Indicator definition(IndicatorSpec s) {
    IndicatorSource src = s.source();
    String description = s.description() != null ? s.description() : s.name();
    String methodology = s.methodology();
    if (s.sourceUnit() != null && !s.sourceUnit().equals(s.unit())) {
      String conv = "Converted from " + s.sourceUnit() + " to " + s.unit() + " by the mapping.";
      methodology = methodology == null ? conv : methodology + " " + conv;
    }
    SourceLocation at = new SourceLocation(spec.origin(), 0, 0, null, s.pointer());
    return new Indicator(s.id(), s.name(), description, s.domain() == null ? "demographics" : s.domain(), s.unit(),
        s.polarity() == null ? "neutral" : s.polarity(), s.numerator(), s.denominator(), s.universe(), src,
        methodology, s.confidenceLevel(), s.equivalentTo(), at);
  }
}
