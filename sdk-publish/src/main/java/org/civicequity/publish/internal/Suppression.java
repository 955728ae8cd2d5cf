package org.civicequity.publish.internal;

import java.util.ArrayList;
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
 *
 * <p>Not thread-safe (one instance per publish).
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
    return apply(in, PARALLEL_ROWS);
  }

  /** {@link #apply(List)}, in two halves from {@code parallelRows} rows (tests compare the two ways). */
  Result apply(List<Observation> in, int parallelRows) {
    // one pass over the groups: small cells of a group first, then its complementary cells (a
    // group's rows are the only ones either step reads or changes). A large feed is cut in two at
    // a group boundary and the halves are done at the same time.
    Observation[] rows = in.toArray(new Observation[0]);
    List<Observation> out = java.util.Arrays.asList(rows);
    int n = rows.length;
    int mid = n / 2;
    while (mid > 0 && mid < n && ObservationOrder.sameGroup(rows[mid - 1], rows[mid])) {
      mid++;
    }
    if (n < parallelRows || mid >= n) {
      Pass all = new Pass();
      all.run(out, 0, n);
      return new Result(out, all.small, all.comp);
    }
    Pass first = new Pass();
    Pass second = new Pass();
    int cut = mid;
    java.util.concurrent.CompletableFuture<Void> later =
        java.util.concurrent.CompletableFuture.runAsync(() -> second.run(out, cut, n));
    first.run(out, 0, cut);
    try {
      later.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
    return new Result(out, first.small + second.small, first.comp + second.comp);
  }

  /** Rows from which {@link #apply} does two halves at the same time. */
  private static final int PARALLEL_ROWS = 50_000;

  /** One pass over a range of groups, with its counts and its look-up of the last indicator's unit. */
  private final class Pass {
    int small;
    int comp;
    private String lastIndicator;
    private boolean lastIsCount;
    /** The note of a small cell (one instance for all those that had no note). */
    private final String smallNote = note("small-cell", "fewer than " + fmt(minimum));

    void run(List<Observation> out, int from, int to) {
      int[] members = new int[16];
      int start = from;
      while (start < to) {
        int end = start + 1;
        while (end < to && ObservationOrder.sameGroup(out.get(start), out.get(end))) {
          end++;
        }
        for (int i = start; i < end; i++) {
          Observation o = out.get(i);
          Double c = count(o);
          if (c != null && c > 0 && c < minimum && !"suppressed".equals(o.status())) {
            out.set(i, suppress(o, smallNote));
            small++;
          }
        }
        if (complementary && end - start >= 3) {
          if (members.length < end - start) {
            members = new int[end - start];
          }
          comp += complement(out, start, end, members, this);
        }
        start = end;
      }
    }

    Double count(Observation o) {
      // a place's rows come indicator by indicator: look the unit up once per run of rows
      String ind = o.indicator();
      if (ind != lastIndicator) {
        lastIndicator = ind;
        lastIsCount = "count".equals(unitOf.get(ind));
      }
      return lastIsCount ? o.value() : o.numerator();
    }
  }

  /** Complementary suppression in the rows [start, end) of one group; members is scratch space. */
  private int complement(List<Observation> out, int start, int end, int[] members, Pass pass) {
    int total = -1;
    for (int i = start; i < end; i++) {
      if (out.get(i).raceEthnicity() == null) {
        total = i;
      }
    }
    if (total < 0) {
      return 0;
    }
    Observation t = out.get(total);
    Double totalCount = pass.count(t);
    if (totalCount == null || "suppressed".equals(t.status())) {
      return 0;
    }
    int done = 0;
    for (int p = 0; p < 2; p++) {
      int n = 0;
      int suppressed = -1;
      int suppressedCount = 0;
      for (int i = start; i < end; i++) {
        Integer part = partitionOf.get(out.get(i).raceEthnicity());
        if (part != null && part == p) {
          members[n++] = i;
          if ("suppressed".equals(out.get(i).status())) {
            suppressed = i;
            suppressedCount++;
          }
        }
      }
      if (n < 2 || suppressedCount != 1) {
        continue;
      }
      double known = 0;
      boolean allKnown = true;
      int smallest = -1;
      double smallestCount = 0;
      for (int k = 0; k < n; k++) {
        int i = members[k];
        if (i == suppressed) {
          continue;
        }
        Double c = pass.count(out.get(i));
        if (c == null) {
          allKnown = false;
          break;
        }
        known += c;
        // the smallest count, the first row on a tie
        if (smallest < 0 || Double.compare(c, smallestCount) < 0) {
          smallest = i;
          smallestCount = c;
        }
      }
      if (!allKnown || totalCount - known >= minimum) {
        continue;
      }
      if (smallest >= 0) {
        out.set(smallest, suppress(out.get(smallest), note("complementary",
            "so that the suppressed " + out.get(suppressed).raceEthnicity() + " count cannot be recomputed")));
      }
      done++;
    }
    return done;
  }

  private static String note(String reason, String why) {
    return "suppressed (" + reason + ": " + why + ")";
  }

  /** The row suppressed, with the note added to its own (or, without one, as it is: shared). */
  private static Observation suppress(Observation o, String note) {
    if (o.note() != null) {
      note = o.note() + "; " + note;
    }
    return new Observation(o.indicator(), o.geoLevel(), o.geoId(), o.geoName(), o.period(), o.raceEthnicity(),
        o.sex(), o.age(), o.income(), o.disability(), o.nativity(), null, null, null, null, null, o.denominator(),
        "suppressed", note, Map.of(), o.extra(), o.location());
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
