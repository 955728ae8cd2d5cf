package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The table of number boxes hands out a box that holds exactly the number asked for. */
class BoxesTest {
  @Property(tries = 2000)
  void aBoxHoldsExactlyItsNumber(@ForAll double a, @ForAll double b) {
    Boxes boxes = new Boxes();
    for (double d : new double[] {a, b, a, b}) {
      assertThat(Double.doubleToRawLongBits(boxes.of(d))).isEqualTo(Double.doubleToRawLongBits(d));
    }
  }

  @Example
  void anEqualNumberGetsTheSameBoxAndZeroesKeepTheirSign() {
    Boxes boxes = new Boxes();
    Double first = boxes.of(6.5);
    assertThat(boxes.of(6.5)).isSameAs(first);
    assertThat(boxes.of(13 / 2.0)).isSameAs(first);
    assertThat(boxes.of(2.0)).isNotSameAs(first);
    assertThat(Double.doubleToRawLongBits(boxes.of(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(boxes.of(0.0))).isEqualTo(0L);
    assertThat(boxes.of(0.0)).isNotSameAs(boxes.of(-0.0));
  }

  @Example
  void repeatedValuesShareTheirBoxes() {
    // rates with one decimal, as a table of a million rows repeats them
    Boxes boxes = new Boxes();
    java.util.Set<Double> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < 100_000; i++) {
      distinct.add(boxes.of((i * 7919 % 600) / 10.0));
    }
    // 600 values in 4,096 slots: values that share a slot replace each other's box (a few
    // thousand boxes in all), but far from a box per row
    assertThat(distinct.size()).isBetween(600, 5_000);
  }
}
