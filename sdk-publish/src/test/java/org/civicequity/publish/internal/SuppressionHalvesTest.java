package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicequity.core.Codelists;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;

/** Suppression in two halves at the same time gives exactly what one pass gives. */
class SuppressionHalvesTest {
  private static final String[] RACES = {null, "black-alone", "white-alone", "asian-alone", "aian-alone",
      "nhpi-alone", "multiracial", "hispanic-aoic", "white-alone-nh", "black-alone-nh"};

  @Test
  void halvesGiveWhatOnePassGives() {
    Random rnd = new Random(7);
    List<Observation> rows = new ArrayList<>();
    for (String ind : new String[] {"count-of-people", "poverty-rate"}) {
      for (int tract = 0; tract < 3_000; tract++) {
        String geoId = String.format("24001%06d", tract);
        for (String period : new String[] {"2017/2021", "2018/2022"}) {
          for (String race : RACES) {
            double num = rnd.nextInt(4) == 0 ? rnd.nextInt(12) : 20 + rnd.nextInt(500);
            double den = num + 50 + rnd.nextInt(500);
            boolean count = ind.startsWith("count");
            rows.add(new Observation(ind, "tract", geoId, null, period, race, null, null, null, null, null,
                count ? num : Math.round(1000 * num / den) / 10.0, null, null, null, count ? null : num,
                count ? null : den, null, rnd.nextInt(20) == 0 ? "a note" : null, Map.of(), Map.of(),
                SourceLocation.ofRow("in.csv", rows.size() + 1, rows.size() + 2)));
          }
        }
      }
    }
    Observation[] sorted = rows.toArray(new Observation[0]);
    Arrays.sort(sorted, ObservationOrder.ORDER);
    List<Observation> in = Arrays.asList(sorted);
    Suppression s = new Suppression(11, true, Map.of("count-of-people", "count", "poverty-rate", "percent"),
        Codelists.standard().get("race-ethnicity"));
    Suppression.Result one = s.apply(in, Integer.MAX_VALUE);
    Suppression.Result two = s.apply(in, 0);
    assertThat(one.smallCells()).isGreaterThan(1000);
    assertThat(one.complementary()).isGreaterThan(10);
    assertThat(two.smallCells()).isEqualTo(one.smallCells());
    assertThat(two.complementary()).isEqualTo(one.complementary());
    assertThat(two.observations()).isEqualTo(one.observations());
  }
}
