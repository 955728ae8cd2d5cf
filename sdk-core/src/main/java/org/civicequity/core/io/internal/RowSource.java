package org.civicequity.core.io.internal;

import java.io.Closeable;
import java.util.List;
import org.civicequity.core.Observation;

/** A source of observations behind {@code ObservationReader}; one per file format. */
public interface RowSource extends Closeable {

  /**
   * Reads the next observation, reporting problems on the way. Never throws for bad input.
   *
   * @return the next observation, or null at the end of the input
   */
  Observation next();

  /** @return the number of data rows met so far, including rows skipped because of problems */
  long rowsRead();

  /** @return the column names of a table's header (empty for JSON input) */
  List<String> columns();

  /** Closes the input; never throws. */
  @Override
  void close();
}
