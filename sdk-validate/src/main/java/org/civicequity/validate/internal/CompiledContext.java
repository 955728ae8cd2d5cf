package org.civicequity.validate.internal;

import java.util.HashMap;
import java.util.Map;
import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.ValidationContext;

/**
 * The {@link ValidationContext} of one run: indexes built once from the {@link FeedContext}.
 * Immutable except for a one-entry cache of the last observation's indicator, which is safe
 * because one run validates its rows on one thread.
 */
public final class CompiledContext implements ValidationContext {
  private final FeedContext feed;
  private final Map<String, Integer> indicatorIndex = new HashMap<>();
  private final Indicator[] indicators;
  private final Code[] units;
  private final Map<String, Geography> geographies = new HashMap<>();
  private final Map<String, Codelist> codelists;

  private final Map<String, GeoLevel> geoLevels;
  private final UnitFacts[] unitFacts;
  private final Map<String, Map<String, Code>> deprecated;
  private final Map<Class<?>, Object> shared = new HashMap<>();
  /** Header columns already reported in this run, shared by the contexts of every thread. */
  private final java.util.Set<String> headerFindings;

  private Observation lastObservation;
  private int lastIndex = -1;
  private String lastIndicator;
  /**
   * The coded fields of an observation, each with its codelist, in the order that
   * {@link #coded(Observation, int)}, {@link #accepts(int, String)} and
   * {@link #deprecated(int, String)} use.
   */
  public static final String[][] CODED = {
      {"geoLevel", "geo-level"}, {"status", "status"}, {"raceEthnicity", "race-ethnicity"},
      {"sex", "sex"}, {"age", "age-band"}, {"income", "income-band"},
      {"disability", "disability"}, {"nativity", "nativity"}};
  /** Per coded field, the last instances found valid, and found valid and current. */
  private final String[][] acceptedCodes = new String[CODED.length][16];
  private final String[][] currentCodes = new String[CODED.length][16];

  /**
   * Builds the indexes.
   *
   * @param feed the feed context
   */
  public CompiledContext(FeedContext feed) {
    this.feed = feed;
    this.headerFindings = java.util.concurrent.ConcurrentHashMap.newKeySet();
    this.geoLevels = new HashMap<>();
    this.deprecated = new HashMap<>();
    for (Codelist list : feed.codelists().values()) {
      Map<String, Code> d = new HashMap<>();
      for (Code c : list.codes()) {
        if (c.deprecated()) {
          d.put(c.code(), c);
        }
      }
      deprecated.put(list.id(), d);
    }
    this.codelists = feed.codelists();
    int n = feed.indicators().size();
    this.indicators = new Indicator[n];
    this.units = new Code[n];
    Codelist unitList = codelists.get("unit");
    this.unitFacts = new UnitFacts[n];
    for (int i = 0; i < n; i++) {
      Indicator ind = feed.indicators().get(i);
      if (ind.id() != null) {
        indicatorIndex.putIfAbsent(ind.id(), i);
      }
      indicators[i] = ind;
      units[i] = unitList == null || ind.unit() == null ? null : unitList.find(ind.unit()).orElse(null);
      unitFacts[i] = units[i] == null ? null : UnitFacts.of(units[i]);
    }
    Codelist levels = codelists.get("geo-level");
    if (levels != null) {
      for (Code c : levels.codes()) {
        Double len = c.number("geoIdLength");
        String pattern = c.attribute("geoIdPattern");
        geoLevels.put(c.code(), new GeoLevel(c.code(), len == null ? -1 : len.intValue(),
            pattern == null ? null : java.util.regex.Pattern.compile(pattern)));
      }
    }
    for (Geography g : feed.geographies()) {
      geographies.putIfAbsent(g.geoId(), g);
    }
  }

  private CompiledContext(CompiledContext of) {
    this.feed = of.feed;
    this.headerFindings = of.headerFindings;
    this.unitFacts = of.unitFacts;
    this.deprecated = of.deprecated;
    this.codelists = of.codelists;
    this.indicators = of.indicators;
    this.units = of.units;
    this.geoLevels = of.geoLevels;
    this.indicatorIndex.putAll(of.indicatorIndex);
    this.geographies.putAll(of.geographies);
  }

  /**
   * What the rules need to know of a unit, read once from its codelist attributes.
   *
   * @param code    the unit code
   * @param minimum the smallest valid value, or NaN when unbounded
   * @param maximum the largest valid value, or NaN when unbounded
   * @param scale   numerator / denominator times this is the value, or NaN when not a fraction
   * @param share   true for percent and proportion (the numerator is part of the denominator)
   * @param count   true for a plain count
   */
  public record UnitFacts(String code, double minimum, double maximum, double scale,
      boolean share, boolean count) {
    static UnitFacts of(Code c) {
      Double min = c.number("minimum");
      Double max = c.number("maximum");
      Double scale = c.number("scale");
      return new UnitFacts(c.code(), min == null ? Double.NaN : min,
          max == null ? Double.NaN : max, scale == null ? Double.NaN : scale,
          "percent".equals(c.code()) || "proportion".equals(c.code()), "count".equals(c.code()));
    }
  }

  /**
   * The unit facts of an observation's indicator.
   *
   * @param o the observation
   * @return the facts, or null when the indicator or its unit is unknown
   */
  public UnitFacts unitFactsOf(Observation o) {
    int i = indexOf(o);
    return i < 0 ? null : unitFacts[i];
  }

  /**
   * A context for another thread: the same indexes, its own caches and shared state.
   *
   * @return a new context
   */
  public CompiledContext fork() {
    return new CompiledContext(this);
  }

  /**
   * A geography level with its GEOID length and pattern.
   *
   * @param code    the level code
   * @param length  the GEOID length, or -1 when not fixed ({@code custom})
   * @param pattern the GEOID pattern, or null
   */
  public record GeoLevel(String code, int length, java.util.regex.Pattern pattern) {
  }

  /**
   * A geography level.
   *
   * @param code the level code
   * @return the level, or null when the codelist has no such level
   */
  public GeoLevel geoLevel(String code) {
    return code == null ? null : geoLevels.get(code);
  }

  /**
   * State shared by several rules during this run (e.g. the per-key table that duplicates, group
   * sums and complementary suppression all read), created on first use.
   *
   * @param type    the state's class, its key
   * @param factory creates the state
   * @param <T>     the state's type
   * @return the state of this run
   */
  public <T> T shared(Class<T> type, java.util.function.Function<CompiledContext, T> factory) {
    Object o = shared.get(type);
    if (o == null) {
      o = factory.apply(this);
      shared.put(type, o);
    }
    return type.cast(o);
  }

  /**
   * Whether a finding about a header column is new in this run (one finding for the header,
   * whichever thread's row sees the column first). Thread-safe.
   *
   * @param file   the file
   * @param column the column
   * @return true the first time for this file and column
   */
  public boolean firstHeaderFinding(String file, String column) {
    return headerFindings.add(file + "\u0000" + column);
  }

  /**
   * The compiled context behind a validation context.
   *
   * @param context a context made by the engine
   * @return the compiled context
   * @throws IllegalArgumentException if the context was not made by the engine
   */
  public static CompiledContext of(ValidationContext context) {
    if (context instanceof CompiledContext c) {
      return c;
    }
    throw new IllegalArgumentException("built-in rules need the engine's context, got "
        + context.getClass().getName());
  }

  @Override
  public FeedContext feed() {
    return feed;
  }

  @Override
  public Indicator indicator(String id) {
    int i = indicatorIndex(id);
    return i < 0 ? null : indicators[i];
  }

  @Override
  public int indicatorIndex(String id) {
    if (id == null) {
      return -1;
    }
    Integer i = indicatorIndex.get(id);
    return i == null ? -1 : i;
  }

  /**
   * The index of an observation's indicator, cached for the last observation asked about.
   *
   * @param o the observation
   * @return the index, or -1
   */
  public int indexOf(Observation o) {
    if (o != lastObservation) {
      String id = o.indicator();
      if (id != lastIndicator || id == null) {
        lastIndex = indicatorIndex(id);
        lastIndicator = id;
      }
      lastObservation = o;
    }
    return lastIndex;
  }

  /**
   * Whether the codelist of a coded field accepts a code, remembering the instances it accepted
   * (the readers share repeated values, so most rows are answered by identity checks).
   *
   * @param field the field's position in {@link #CODED}
   * @param code  the code, not null
   * @return true when valid in the list, or when the feed has no such list
   */
  public boolean accepts(int field, String code) {
    String[] known = acceptedCodes[field];
    for (String k : known) {
      if (k == code) {
        return true;
      }
    }
    Codelist list = codelists.get(CODED[field][1]);
    if (list != null && !list.accepts(code)) {
      return false;
    }
    remember(known, code);
    return true;
  }

  /**
   * The deprecated code a coded field uses, if it is one.
   *
   * @param field the field's position in {@link #CODED}
   * @param code  the code, not null
   * @return the code when it is listed and deprecated, else null
   */
  public Code deprecated(int field, String code) {
    String[] current = currentCodes[field];
    for (String k : current) {
      if (k == code) {
        return null;
      }
    }
    Map<String, Code> d = deprecated.get(CODED[field][1]);
    Code c = d == null ? null : d.get(code);
    if (c == null) {
      remember(current, code);
    }
    return c;
  }

  /** Keeps an instance among the last few, dropping the oldest. */
  private static void remember(String[] recent, String code) {
    System.arraycopy(recent, 0, recent, 1, recent.length - 1);
    recent[0] = code;
  }

  /**
   * The value of a coded field.
   *
   * @param o     an observation
   * @param field the field's position in {@link #CODED}
   * @return its code, or null
   */
  public static String coded(Observation o, int field) {
    return switch (field) {
      case 0 -> o.geoLevel();
      case 1 -> o.status();
      case 2 -> o.raceEthnicity();
      case 3 -> o.sex();
      case 4 -> o.age();
      case 5 -> o.income();
      case 6 -> o.disability();
      case 7 -> o.nativity();
      default -> throw new IllegalArgumentException("no coded field " + field);
    };
  }

  @Override
  public Indicator indicatorOf(Observation observation) {
    int i = indexOf(observation);
    return i < 0 ? null : indicators[i];
  }

  @Override
  public Code unitOf(Observation observation) {
    int i = indexOf(observation);
    return i < 0 ? null : units[i];
  }

  @Override
  public Codelist codelist(String id) {
    return codelists.get(id);
  }

  @Override
  public Geography customGeography(String geoId) {
    return geoId == null ? null : geographies.get(geoId);
  }
}
