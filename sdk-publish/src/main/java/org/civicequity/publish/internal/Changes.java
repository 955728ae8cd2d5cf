package org.civicequity.publish.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.core.io.IndicatorsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed since a previous version of a feed: observations added, removed or revised
 * (value, margin, bounds, counts, status or note), and indicator definitions added, removed or
 * changed, and the version bump they call for (semver for data, see {@link #bump(Diff)}). Lists
 * follow the canonical order, so the same inputs give the same file.
 */
public final class Changes {
  private static final List<String> COMPARED = List.of("value", "moe", "lower", "upper", "numerator", "denominator",
      "status", "note", "geoName");

  private Changes() {
  }

  /**
   * The definition fields whose change breaks comparability with earlier values: what is
   * measured (numerator, denominator, universe), in what unit, and which direction is better.
   */
  public static final List<String> BREAKING_FIELDS = List.of("unit", "numerator", "denominator", "universe",
      "polarity");

  /**
   * What changed, each list in the canonical order.
   *
   * @param added       the keys of the observations added
   * @param removed     the keys of the observations removed
   * @param revised     the keys of the observations revised, each with {@code changes: {field: [old, new]}}
   * @param definitions the definitions added, removed or changed ({@code id}, {@code change}, {@code fields})
   */
  public record Diff(ArrayNode added, ArrayNode removed, ArrayNode revised, ArrayNode definitions) {
  }

  /**
   * The kind of version bump the changes call for (semver for data) and why.
   *
   * @param kind   {@code major}, {@code minor} or {@code patch}
   * @param reason what made it so, one short sentence without its final period
   */
  public record Bump(String kind, String reason) {
  }

  /**
   * Compares two versions of a feed.
   *
   * @param before           the previous observations (any order)
   * @param after            the new observations (canonical order)
   * @param beforeIndicators the previous definitions
   * @param afterIndicators  the new definitions
   * @return what changed
   */
  public static Diff diff(List<Observation> before, List<Observation> after, List<Indicator> beforeIndicators,
      List<Indicator> afterIndicators) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Map<List<String>, Observation> old = new HashMap<>();
    for (Observation o : before) {
      old.put(ObservationOrder.key(o), o);
    }
    ArrayNode added = f.arrayNode();
    ArrayNode revised = f.arrayNode();
    java.util.Set<List<String>> seen = new java.util.HashSet<>();
    for (Observation o : after) {
      List<String> k = ObservationOrder.key(o);
      seen.add(k);
      Observation p = old.get(k);
      if (p == null) {
        added.add(key(o));
        continue;
      }
      ObjectNode changes = f.objectNode();
      for (String field : COMPARED) {
        String a = p.text(field);
        String b = o.text(field);
        if (!Objects.equals(a, b)) {
          ArrayNode pair = changes.putArray(field);
          add(pair, p, field);
          add(pair, o, field);
        }
      }
      if (!changes.isEmpty()) {
        ObjectNode r = key(o);
        r.set("changes", changes);
        revised.add(r);
      }
    }
    List<Observation> gone = new ArrayList<>();
    for (Observation o : before) {
      if (!seen.contains(ObservationOrder.key(o))) {
        gone.add(o);
      }
    }
    gone.sort(ObservationOrder.ORDER);
    ArrayNode removed = f.arrayNode();
    gone.forEach(o -> removed.add(key(o)));

    ArrayNode definitions = f.arrayNode();
    Map<String, Indicator> oldDefs = new TreeMap<>();
    beforeIndicators.forEach(i -> oldDefs.put(i.id(), i));
    Map<String, Indicator> newDefs = new TreeMap<>();
    afterIndicators.forEach(i -> newDefs.put(i.id(), i));
    java.util.Set<String> ids = new java.util.TreeSet<>(oldDefs.keySet());
    ids.addAll(newDefs.keySet());
    for (String id : ids) {
      Indicator a = oldDefs.get(id);
      Indicator b = newDefs.get(id);
      ObjectNode d = f.objectNode();
      d.put("id", id);
      if (a == null) {
        d.put("change", "added");
      } else if (b == null) {
        d.put("change", "removed");
      } else {
        ObjectNode ja = IndicatorsWriter.toJson(a);
        ObjectNode jb = IndicatorsWriter.toJson(b);
        ObjectNode ch = f.objectNode();
        java.util.Set<String> names = new java.util.TreeSet<>();
        ja.propertyNames().forEach(names::add);
        jb.propertyNames().forEach(names::add);
        for (String n : names) {
          JsonNode x = ja.get(n);
          JsonNode y = jb.get(n);
          if (!Objects.equals(x, y)) {
            ArrayNode pair = ch.putArray(n);
            pair.add(x == null ? f.nullNode() : x);
            pair.add(y == null ? f.nullNode() : y);
          }
        }
        if (ch.isEmpty()) {
          continue;
        }
        d.put("change", "changed");
        d.set("fields", ch);
      }
      definitions.add(d);
    }
    return new Diff(added, removed, revised, definitions);
  }

  /**
   * The bump the changes call for: <b>major</b> when observations or indicators were removed or a
   * definition changed in a way that breaks comparability ({@link #BREAKING_FIELDS}); <b>minor</b>
   * when indicators or observations were added or a definition changed otherwise (name,
   * description, domain, source, methodology, ...); <b>patch</b> when only values were revised or
   * nothing changed.
   *
   * @param d the changes
   * @return the bump and why
   */
  public static Bump bump(Diff d) {
    List<String> removedIds = new ArrayList<>();
    List<String> addedIds = new ArrayList<>();
    List<String> major = new ArrayList<>();
    List<String> minor = new ArrayList<>();
    for (JsonNode def : d.definitions()) {
      String id = def.path("id").asString();
      switch (def.path("change").asString()) {
        case "added" -> addedIds.add(id);
        case "removed" -> removedIds.add(id);
        default -> {
          List<String> breaking = new ArrayList<>();
          List<String> other = new ArrayList<>();
          def.path("fields").propertyNames().forEach(n -> (BREAKING_FIELDS.contains(n) ? breaking : other).add(n));
          if (!breaking.isEmpty()) {
            major.add("the " + and(breaking) + " of " + id + " changed");
          } else {
            minor.add("the " + and(other) + " of " + id + " changed");
          }
        }
      }
    }
    if (!removedIds.isEmpty()) {
      major.add(0, ids(removedIds) + " removed");
    }
    if (!d.removed().isEmpty()) {
      major.add(count(d.removed().size(), "observation") + " removed");
    }
    if (!major.isEmpty()) {
      return new Bump("major", and(limit(major)));
    }
    if (!addedIds.isEmpty()) {
      minor.add(0, ids(addedIds) + " added");
    }
    if (!d.added().isEmpty()) {
      minor.add(count(d.added().size(), "observation") + " added");
    }
    if (!minor.isEmpty()) {
      return new Bump("minor", and(limit(minor)));
    }
    if (!d.revised().isEmpty()) {
      return new Bump("patch", "only values of " + count(d.revised().size(), "observation") + " were revised");
    }
    return new Bump("patch", "nothing changed");
  }

  /**
   * The CHANGES.json document.
   *
   * @param version         the version decision (previous and new version, bump, reason)
   * @param previousCreated the previous feed's creation time, or null
   * @param created         this feed's creation time
   * @param d               the changes
   * @return the document
   */
  public static ObjectNode document(Versioning.Decision version, String previousCreated, String created, Diff d) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("previousVersion", version.previousVersion());
    root.put("version", version.version());
    root.put("bump", version.bump());
    root.put("reason", version.reason());
    ObjectNode prev = root.putObject("previous");
    prev.put("version", version.previousVersion());
    prev.put("created", previousCreated);
    ObjectNode cur = root.putObject("current");
    cur.put("version", version.version());
    cur.put("created", created);
    ObjectNode summary = root.putObject("summary");
    summary.put("added", d.added().size());
    summary.put("removed", d.removed().size());
    summary.put("revised", d.revised().size());
    summary.put("definitionsChanged", d.definitions().size());
    root.set("added", d.added());
    root.set("removed", d.removed());
    root.set("revised", d.revised());
    root.set("definitions", d.definitions());
    return root;
  }

  private static String ids(List<String> ids) {
    return (ids.size() == 1 ? "indicator " : "indicators ") + and(limit(ids));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** At most three items, then how many more. */
  private static List<String> limit(List<String> items) {
    if (items.size() <= 3) {
      return items;
    }
    List<String> l = new ArrayList<>(items.subList(0, 3));
    l.add((items.size() - 3) + " more");
    return l;
  }

  /** "a", "a and b", "a, b and c". */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static void add(ArrayNode pair, Observation o, String field) {
    Double d = Observation.NUMERIC_FIELDS.contains(field) ? o.number(field) : null;
    if (d != null) {
      // as the feed writes numbers (Numbers.format): a whole number without a decimal point
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        pair.add((long) (double) d);
      } else {
        pair.add(d);
      }
    } else {
      String t = o.text(field);
      if (t == null) {
        pair.addNull();
      } else {
        pair.add(t);
      }
    }
  }

  private static ObjectNode key(Observation o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : ObservationOrder.KEY) {
      m.put(f, o.text(f));
    }
    m.forEach((k, v) -> {
      if (v != null) {
        n.put(k, v);
      }
    });
    return n;
  }
}
