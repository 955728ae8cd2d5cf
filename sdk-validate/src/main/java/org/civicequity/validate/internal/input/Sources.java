package org.civicequity.validate.internal.input;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.civicequity.core.io.ObservationFormat;

/** Chooses how an observations file is read: in parallel chunks, or sequentially for JSON. */
public final class Sources {
  private Sources() {
  }

  /**
   * The source of a file.
   *
   * @param file   the name shown in findings
   * @param format the file's format
   * @param opener opens the bytes
   * @return a chunked source for CSV and NDJSON, a sequential one for a JSON array
   */
  public static ObservationSource of(String file, ObservationFormat format, Callable<InputStream> opener) {
    return format == ObservationFormat.JSON ? new FileObservationSource(file, format, opener)
        : new ChunkedFileSource(file, format, opener);
  }
}
