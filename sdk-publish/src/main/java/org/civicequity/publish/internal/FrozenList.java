package org.civicequity.publish.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that nothing else holds, kept as it is by the records that
 * copy other lists: a {@code Conversion} keeps the million rows a conversion assembled, and a
 * {@link Table.RawRow} the cells the plain-line reader split, without copying them again (a copy
 * per row was a tenth of a conversion's garbage).
 *
 * @param <E> the element type
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
  private final E[] items;

  private FrozenList(E[] items) {
    this.items = items;
  }

  /**
   * Wraps an array the caller made and lets go of.
   *
   * @param items the elements, none null; the caller must not keep or change the array
   * @param <E>   the element type
   * @return the list
   */
  static <E> List<E> wrap(E[] items) {
    for (E e : items) {
      Objects.requireNonNull(e, "an element");
    }
    return new FrozenList<>(items);
  }

  /**
   * A list that cannot change: the given one when it is frozen, otherwise a copy.
   *
   * @param list the list
   * @param <E>  the element type
   * @return an unmodifiable list with the same elements
   * @throws NullPointerException if an element is null
   */
  public static <E> List<E> copyOf(List<E> list) {
    return list instanceof FrozenList<E> ? list : List.copyOf(list);
  }

  @Override
  public E get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
