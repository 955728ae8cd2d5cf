package org.civicequity.publish.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.civicequity.core.Observation;

/** The canonical order and identity of observations in a published feed. */
public final class ObservationOrder {
  /** The key fields, in sort order. */
  public static final List<String> KEY = List.of("indicator", "geoLevel", "geoId", "period", "raceEthnicity", "sex",
      "age", "income", "disability", "nativity");

  /** Sorts by the key fields (absent first), then by value (absent first). */
  public static final Comparator<Observation> ORDER = (a, b) -> {
    int c = compare(a.indicator(), b.indicator());
    if (c == 0) {
      c = compare(a.geoLevel(), b.geoLevel());
    }
    if (c == 0) {
      c = compare(a.geoId(), b.geoId());
    }
    if (c == 0) {
      c = compare(a.period(), b.period());
    }
    if (c == 0) {
      c = compare(a.raceEthnicity(), b.raceEthnicity());
    }
    if (c == 0) {
      c = compare(a.sex(), b.sex());
    }
    if (c == 0) {
      c = compare(a.age(), b.age());
    }
    if (c == 0) {
      c = compare(a.income(), b.income());
    }
    if (c == 0) {
      c = compare(a.disability(), b.disability());
    }
    if (c == 0) {
      c = compare(a.nativity(), b.nativity());
    }
    if (c == 0) {
      c = a.value() == null ? (b.value() == null ? 0 : -1) : b.value() == null ? 1 : Double.compare(a.value(), b.value());
    }
    return c;
  };

  private ObservationOrder() {
  }

  private static int compare(String a, String b) {
    if (a == null) {
      return b == null ? 0 : -1;
    }
    return b == null ? 1 : a.compareTo(b);
  }

  /**
   * The identity of an observation: its key fields.
   *
   * @param o the observation
   * @return the key (a list that may hold nulls)
   */
  public static List<String> key(Observation o) {
    return Arrays.asList(o.indicator(), o.geoLevel(), o.geoId(), o.period(), o.raceEthnicity(), o.sex(), o.age(),
        o.income(), o.disability(), o.nativity());
  }
}
