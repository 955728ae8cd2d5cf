package org.civicequity.validate.internal.input;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civicequity.core.io.ObservationFormat;
import org.junit.jupiter.api.Test;

/** Prints how a large local file is cut and parsed (skipped unless -Dprobe.file is set). */
class ChunkDiagnosticsProbe {
  @Test
  void probe() throws Exception {
    String f = System.getProperty("probe.file");
    org.junit.jupiter.api.Assumptions.assumeTrue(f != null);
    Path p = Path.of(f);
    ObservationFormat fmt = f.endsWith(".csv") ? ObservationFormat.CSV : ObservationFormat.NDJSON;
    ChunkedFileSource s = new ChunkedFileSource(p.getFileName().toString(), fmt,
        () -> Files.newInputStream(p));
    long[] units = new long[1];
    for (int k = 0; k < 2; k++) {
      long t0 = System.nanoTime();
      s.split(u -> units[0]++);
      System.out.printf("split only: %d units in %.2fs%n", units[0], (System.nanoTime() - t0) / 1e9);
      units[0] = 0;
    }
    java.util.List<ChunkedFileSource.Unit> all = new java.util.ArrayList<>();
    s.split(all::add);
    for (int k = 0; k < 3; k++) {
      long t0 = System.nanoTime();
      long rows = 0;
      for (ChunkedFileSource.Unit u : all) {
        rows += u.parse().size();
      }
      System.out.printf("parse only: %d rows in %.2fs%n", rows, (System.nanoTime() - t0) / 1e9);
    }
    long t = System.nanoTime();
    s.split(u -> {
      units[0]++;
      u.parse();
    });
    System.out.printf("units %d fast %d sdk %d in %.2fs%n", units[0], ChunkedFileSource.FAST.get(),
        ChunkedFileSource.SDK.get(), (System.nanoTime() - t) / 1e9);
  }
}
