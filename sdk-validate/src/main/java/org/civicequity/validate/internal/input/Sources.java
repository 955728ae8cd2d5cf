package org.civicequity.validate.internal.input;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.civicequity.core.io.ObservationFormat;

/** Chooses how an observations file is read: in parallel chunks, or sequentially for JSON. */
final class Sources {
  private Sources() {
  }

  static ObservationSource of(String file, ObservationFormat format, Callable<InputStream> opener) {
    return format == ObservationFormat.JSON ? new FileObservationSource(file, format, opener)
        : new ChunkedFileSource(file, format, opener);
  }
}
