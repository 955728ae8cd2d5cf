package org.civicequity.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a field by its position in {@link Observation#FIELDS} agrees with reading it by name. */
class ObservationFieldsTest {
  @Test
  void everyPositionReadsTheFieldOfThatName() {
    Observation.Builder b = Observation.builder();
    for (String f : Observation.FIELDS) {
      if (Observation.NUMERIC_FIELDS.contains(f)) {
        b.number(f, (double) Observation.FIELDS.indexOf(f));
      } else {
        b.set(f, "v-" + f);
      }
    }
    Observation o = b.build();
    for (int i = 0; i < Observation.FIELDS.size(); i++) {
      String f = Observation.FIELDS.get(i);
      if (Observation.NUMERIC_FIELDS.contains(f)) {
        assertThat(o.numberAt(i)).as(f).isEqualTo(o.number(f)).isEqualTo((double) i);
        assertThat(o.textAt(i)).as(f).isNull();
      } else {
        assertThat(o.textAt(i)).as(f).isEqualTo(o.text(f)).isEqualTo("v-" + f);
        assertThat(o.numberAt(i)).as(f).isNull();
      }
    }
  }
}
