package org.civicequity.validate.internal.input;

import org.civicequity.core.Observation;

/** Receives what a source reads, in file order. */
public interface RowSink {
  /**
   * One observation.
   *
   * @param observation the observation with its location
   */
  void row(Observation observation);

  /**
   * A syntax problem (the row it concerns, if any, is not passed to {@link #row}).
   *
   * @param problem the problem
   */
  void problem(SyntaxProblem problem);
}
