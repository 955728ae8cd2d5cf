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
 * changed. Lists follow the canonical order, so the same inputs give the same file.
 */
public final class Changes {
  private static final List<String> COMPARED = List.of("value", "moe", "lower", "upper", "numerator", "denominator",
      "status", "note", "geoName");

  private Changes() {
  }

  /**
   * The changes as the CHANGES.json document.
   *
   * @param previousVersion  the previous feed's version, or null
   * @param previousCreated  the previous feed's creation time, or null
   * @param version          this version
   * @param created          this feed's creation time
   * @param before           the previous observations (any order)
   * @param after            the new observations (canonical order)
   * @param beforeIndicators the previous definitions
   * @param afterIndicators  the new definitions
   * @return the document
   */
  public static ObjectNode compute(String previousVersion, String previousCreated, String version, String created,
      List<Observation> before, List<Observation> after, List<Indicator> beforeIndicators,
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

    ObjectNode root = f.objectNode();
    ObjectNode prev = root.putObject("previous");
    prev.put("version", previousVersion);
    prev.put("created", previousCreated);
    ObjectNode cur = root.putObject("current");
    cur.put("version", version);
    cur.put("created", created);
    ObjectNode summary = root.putObject("summary");
    summary.put("added", added.size());
    summary.put("removed", removed.size());
    summary.put("revised", revised.size());
    summary.put("definitionsChanged", definitions.size());
    root.set("added", added);
    root.set("removed", removed);
    root.set("revised", revised);
    root.set("definitions", definitions);
    return root;
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
