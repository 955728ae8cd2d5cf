package org.civicequity.publish.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import org.civicequity.core.Observation;

/**
 * Applies a feed's suppression policy before publishing.
 *
 * <p><b>Small cells.</b> A row whose numerator (or, for a count indicator, whose value) is above
 * 0 and below the policy's minimum is suppressed: status {@code suppressed}, no value, margin,
 * bounds or numerator (the denominator stays, it describes the group's size).
 *
 * <p><b>Complementary suppression.</b> Within one group of rows (same indicator, geography,
 * period and other dimensions), race/ethnicity codes form two partitions of non-overlapping
 * groups: groups counted alone with multiracial, and the not-Hispanic races with Hispanic of any
 * race (alone-or-in-combination and composite codes overlap others and belong to neither). When
 * exactly one group of a partition is suppressed while the total and every other group's count
 * are published, the suppressed count is the total minus the others; if that difference is below
 * the minimum, the smallest other published group of the partition is suppressed too. This is
 * the condition the validator's SUPPRESSION_RECOVERABLE rule checks, so a published feed passes it.
 */
public final class Suppression {
  private final double minimum;
  private final boolean complementary;
  private final Map<String, String> unitOf;
  private final Map<String, Integer> partitionOf = new HashMap<>();

  /**
   * Creates the policy.
   *
   * @param minimum       the smallest publishable count
   * @param complementary whether to apply complementary suppression
   * @param unitOf        indicator id to unit code
   * @param races         the race-ethnicity codelist
   */
  public Suppression(double minimum, boolean complementary, Map<String, String> unitOf, Codelist races) {
    this.minimum = minimum;
    this.complementary = complementary;
    this.unitOf = unitOf;
    for (Code c : races.codes()) {
      int p = partition(c);
      if (p >= 0) {
        partitionOf.put(c.code(), p);
      }
    }
  }

  private static int partition(Code c) {
    String tab = c.attribute("tabulation");
    String group = c.attribute("group");
    if ("hispanic".equals(group) && "aoic".equals(tab)) {
      return 1;
    }
    if ("alone".equals(tab) || "combined".equals(tab)) {
      return 0;
    }
    return "nh".equals(tab) ? 1 : -1;
  }

  /** What the policy did. */
  public record Result(List<Observation> observations, int smallCells, int complementary) {
  }

  /**
   * Applies the policy.
   *
   * @param in the rows in the canonical order ({@link ObservationOrder#ORDER}), so that the rows
   *           of a group are next to each other
   * @return the rows (same order) and counts of what was suppressed
   */
  public Result apply(List<Observation> in) {
    List<Observation> out = new ArrayList<>(in.size());
    int small = 0;
    for (Observation o : in) {
      Double c = count(o);
      if (!"suppressed".equals(o.status()) && c != null && c > 0 && c < minimum) {
        out.add(suppress(o, "small-cell", "fewer than " + fmt(minimum)));
        small++;
      } else {
        out.add(o);
      }
    }
    int comp = 0;
    if (complementary) {
      int start = 0;
      while (start < out.size()) {
        int end = start + 1;
        while (end < out.size() && ObservationOrder.sameGroup(out.get(start), out.get(end))) {
          end++;
        }
        if (end - start >= 3) {
          List<Integer> rows = new ArrayList<>(end - start);
          for (int i = start; i < end; i++) {
            rows.add(i);
          }
          comp += complement(out, rows);
        }
        start = end;
      }
    }
    return new Result(out, small, comp);
  }

  private int complement(List<Observation> out, List<Integer> rows) {
    Integer total = null;
    for (int i : rows) {
      if (out.get(i).raceEthnicity() == null) {
        total = i;
      }
    }
    if (total == null) {
      return 0;
    }
    Observation t = out.get(total);
    Double totalCount = count(t);
    if (totalCount == null || "suppressed".equals(t.status())) {
      return 0;
    }
    int done = 0;
    for (int p = 0; p < 2; p++) {
      List<Integer> members = new ArrayList<>();
      for (int i : rows) {
        Integer part = partitionOf.get(out.get(i).raceEthnicity());
        if (part != null && part == p) {
          members.add(i);
        }
      }
      if (members.size() < 2) {
        continue;
      }
      List<Integer> sup = members.stream().filter(i -> "suppressed".equals(out.get(i).status())).toList();
      if (sup.size() != 1) {
        continue;
      }
      double known = 0;
      boolean allKnown = true;
      for (int i : members) {
        if (i == sup.get(0)) {
          continue;
        }
        Double c = count(out.get(i));
        if (c == null) {
          allKnown = false;
          break;
        }
        known += c;
      }
      if (!allKnown || totalCount - known >= minimum) {
        continue;
      }
      members.stream().filter(i -> !i.equals(sup.get(0)))
          .min(Comparator.comparingDouble((Integer i) -> count(out.get(i))).thenComparing(i -> i))
          .ifPresent(i -> out.set(i, suppress(out.get(i), "complementary",
              "so that the suppressed " + out.get(sup.get(0)).raceEthnicity() + " count cannot be recomputed")));
      done++;
    }
    return done;
  }

  private Double count(Observation o) {
    return "count".equals(unitOf.get(o.indicator())) ? o.value() : o.numerator();
  }

  private static Observation suppress(Observation o, String reason, String why) {
    String note = "suppressed (" + reason + ": " + why + ")";
    return new Observation(o.indicator(), o.geoLevel(), o.geoId(), o.geoName(), o.period(), o.raceEthnicity(),
        o.sex(), o.age(), o.income(), o.disability(), o.nativity(), null, null, null, null, null, o.denominator(),
        "suppressed", o.note() == null ? note : o.note() + "; " + note, Map.of(), o.extra(), o.location());
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
