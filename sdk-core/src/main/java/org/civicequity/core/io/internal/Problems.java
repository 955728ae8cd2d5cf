package org.civicequity.core.io.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.civicequity.core.io.ReadProblem;

/**
 * Collects the problems of one reader: counts all of them, keeps the first few, and passes every
 * one to the caller's listener. Not thread-safe (a reader is used by one thread).
 */
public final class Problems {
  private final List<ReadProblem> kept = new ArrayList<>();
  private final int maxKept;
  private final Consumer<ReadProblem> listener;
  private long count;

  /**
   * Creates a collector.
   *
   * @param maxKept  how many problems to keep
   * @param listener called for every problem, or null
   */
  public Problems(int maxKept, Consumer<ReadProblem> listener) {
    this.maxKept = maxKept;
    this.listener = listener;
  }

  /**
   * Records a problem.
   *
   * @param problem the problem
   */
  public void report(ReadProblem problem) {
    count++;
    if (kept.size() < maxKept) {
      kept.add(problem);
    }
    if (listener != null) {
      listener.accept(problem);
    }
  }

  /** @return the problems kept so far, unmodifiable */
  public List<ReadProblem> kept() {
    return Collections.unmodifiableList(new ArrayList<>(kept));
  }

  /** @return how many problems were reported */
  public long count() {
    return count;
  }
}
