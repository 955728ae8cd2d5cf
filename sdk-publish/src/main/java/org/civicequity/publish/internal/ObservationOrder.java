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

  /** Sorts by the key fields (absent first), then by value. */
  public static final Comparator<Observation> ORDER = (a, b) -> {
    for (String f : KEY) {
      int c = compare(a.text(f), b.text(f));
      if (c != 0) {
        return c;
      }
    }
    return compare(a.text("value"), b.text("value"));
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
