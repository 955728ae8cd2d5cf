package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A frozen list is kept as it is by {@link FrozenList#copyOf}, and cannot change. */
class FrozenListTest {
  @Test
  void aFrozenListIsNotCopiedAgainAndOtherListsAre() {
    List<String> frozen = FrozenList.wrap(new String[] {"a", "b"});
    assertThat(FrozenList.copyOf(frozen)).isSameAs(frozen).containsExactly("a", "b");
    List<String> mutable = new ArrayList<>(List.of("a", "b"));
    List<String> copy = FrozenList.copyOf(mutable);
    assertThat(copy).isNotSameAs(mutable).isEqualTo(mutable);
    mutable.add("c");
    assertThat(copy).containsExactly("a", "b");
  }

  @Test
  void itCannotChangeAndHoldsNoNull() {
    List<String> frozen = FrozenList.wrap(new String[] {"a"});
    assertThatThrownBy(() -> frozen.add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> FrozenList.wrap(new String[] {"a", null})).isInstanceOf(NullPointerException.class);
    assertThat(frozen).isEqualTo(List.of("a")).hasSameHashCodeAs(List.of("a"));
  }
}
