package org.civicequity.publish.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.civicequity.core.Observation;

/**
 * The rows of a list, handed out in order, each block of {@value #BLOCK} rows read before its
 * first row is handed out: the block's rows, their numbers and locations are loaded in one short loop.
 *
 * <p>Why: after sorting, consecutive rows no longer lie next to each other in memory, so a pass
 * that encodes or checks one row at a time waits for memory on nearly every row (the processor
 * cannot run far enough ahead through the work of a row to start the next row's loads). In a
 * loop that only loads, the loads of many rows are in flight at once. Measured on a million sorted
 * rows: encoding the CSV copy takes 0.16 CPU-s this way instead of 0.25 (0.135 in memory order).
 */
public final class ReadAhead implements Iterable<Observation> {
  /** Rows read ahead at a time (a block of a hundred rows of ~200 bytes stays in the L2 cache). */
  static final int BLOCK = 128;

  /**
   * Where the loads end up, so the compiler cannot drop them as unused. Written by every thread,
   * never read: a racy write of a value nobody reads is harmless.
   */
  @SuppressWarnings("unused")
  private static long sink;

  private final List<Observation> rows;

  /**
   * Wraps rows.
   *
   * @param rows the rows (not modified while iterated); a list without fast random access (a
   *             linked list in a caller's {@code Conversion}) is simply iterated
   */
  public ReadAhead(List<Observation> rows) {
    this.rows = rows;
  }

  @Override
  public Iterator<Observation> iterator() {
    if (!(rows instanceof java.util.RandomAccess)) {
      return rows.iterator();
    }
    return new Iterator<>() {
      private final int size = rows.size();
      private int next;
      private int loaded;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Observation next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        if (next == loaded) {
          loaded = Math.min(size, next + BLOCK);
          sink = load(rows, next, loaded);
        }
        return rows.get(next++);
      }
    };
  }

  /** Loads the rows [from, to), their numbers and their source locations; returns a value made of them. */
  static long load(List<Observation> rows, int from, int to) {
    long h = 0;
    for (int i = from; i < to; i++) {
      Observation o = rows.get(i);
      h += bits(o.value()) + bits(o.moe()) + bits(o.numerator()) + bits(o.denominator());
      if (o.lower() != null || o.upper() != null) {
        h += bits(o.lower()) + bits(o.upper());
      }
      if (o.location() != null) {
        h += o.location().row();
      }
    }
    return h;
  }

  private static long bits(Double d) {
    return d == null ? 0 : Double.doubleToRawLongBits(d);
  }
}
