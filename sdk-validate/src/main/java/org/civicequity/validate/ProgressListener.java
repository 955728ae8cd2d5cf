package org.civicequity.validate;

/**
 * Told about progress during long runs (the command line shows it on a terminal). Called from the
 * validating thread; implementations must be quick.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = rows -> { };

  /**
   * Called every so many rows.
   *
   * @param rows observation rows validated so far
   */
  void rowsValidated(long rows);
}
