package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encoding CSV in parallel blocks gives exactly the bytes of one writer. */
class FeedFilesTest {
  @TempDir
  Path dir;

  @Test
  void parallelBlocksWriteTheSameBytesAsOneWriter() throws Exception {
    List<Observation> rows = new ArrayList<>();
    SourceLocation at = SourceLocation.ofFile("x");
    for (int i = 0; i < 61_234; i++) {
      rows.add(new Observation("poverty-rate", "tract", String.format("24510%06d", i), i % 7 == 0 ? "Tract, \"quoted\"" : null,
          "2018/2022", i % 3 == 0 ? "black-alone" : null, null, null, null, null, null, i % 11 == 0 ? null : i / 7.0,
          1.5, null, null, null, null, i % 11 == 0 ? "suppressed" : null, null, Map.of(),
          i % 13 == 0 ? Map.of("x-source", "row " + i) : Map.of(), at));
    }
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    WrittenFile one = new FeedFiles(a, PublishFaults.NONE).observationsCsv("observations.csv", rows);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      WrittenFile parallel = new FeedFiles(b, PublishFaults.NONE).observationsCsv("observations.csv", rows, pool);
      assertThat(parallel).isEqualTo(one);
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readAllBytes(b.resolve("observations.csv"))).isEqualTo(Files.readAllBytes(a.resolve("observations.csv")));
    assertThat(one.rows()).isEqualTo(rows.size());
  }
}
