package org.civicequity.validate.internal.input;

/** Something that streams observations (a file of a feed, or records in memory). */
public interface ObservationSource {
  /**
   * The file name to show in findings.
   *
   * @return the name, e.g. {@code observations.csv}
   */
  String file();

  /**
   * Whether reading is expensive enough to run on its own thread, beside the rules.
   *
   * @return true for files
   */
  default boolean parallel() {
    return true;
  }

  /**
   * Reads every row, in order. Bad content is reported to {@link RowSink#problem}, never thrown.
   *
   * @param sink where rows and problems go
   * @throws java.io.IOException if the file cannot be read at all (it vanished, a disk error)
   */
  void read(RowSink sink) throws java.io.IOException;
}
