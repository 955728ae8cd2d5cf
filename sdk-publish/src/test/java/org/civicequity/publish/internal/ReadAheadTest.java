package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;

/** Reading ahead hands out exactly the list's rows, in order, whatever the block boundaries. */
class ReadAheadTest {
  private static List<Observation> rows(int n) {
    List<Observation> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Observation("poverty-rate", "tract", String.format("24510%06d", i), null, "2018/2022", null, null,
          null, null, null, null, i % 5 == 0 ? null : i * 0.5, i % 3 == 0 ? null : 1.5, i % 7 == 0 ? 1.0 : null,
          i % 7 == 0 ? 2.0 : null, null, null, null, null, null, null, SourceLocation.ofFile("x")));
    }
    return rows;
  }

  @Test
  void handsOutEveryRowInOrderAcrossBlockBoundaries() {
    for (int n : new int[] {0, 1, ReadAhead.BLOCK - 1, ReadAhead.BLOCK, ReadAhead.BLOCK + 1, 3 * ReadAhead.BLOCK + 17}) {
      List<Observation> rows = rows(n);
      List<Observation> seen = new ArrayList<>();
      for (Observation o : new ReadAhead(rows)) {
        seen.add(o);
      }
      assertThat(seen).as("%d rows", n).hasSize(n);
      for (int i = 0; i < n; i++) {
        assertThat(seen.get(i)).isSameAs(rows.get(i));
      }
    }
  }

  @Test
  void aListWithoutRandomAccessIsIteratedAsItIs() {
    List<Observation> rows = new java.util.LinkedList<>(rows(3 * ReadAhead.BLOCK + 5));
    List<Observation> seen = new ArrayList<>();
    new ReadAhead(rows).forEach(seen::add);
    assertThat(seen).containsExactlyElementsOf(rows);
  }

  @Test
  void anExhaustedIteratorSaysSo() {
    Iterator<Observation> it = new ReadAhead(rows(2)).iterator();
    it.next();
    it.next();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }
}
