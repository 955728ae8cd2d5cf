package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size, hash and row count of a file written in one pass are those of the file on disk. */
class FeedFilesTest {
  @TempDir
  Path dir;

  @Test
  void sizesAndHashesAreThoseOfTheWrittenFiles() throws Exception {
    List<Observation> rows = new ArrayList<>();
    SourceLocation at = SourceLocation.ofFile("x");
    for (int i = 0; i < 61_234; i++) {
      rows.add(new Observation("poverty-rate", "tract", String.format("24510%06d", i), i % 7 == 0 ? "Tract, \"quoted\"" : null,
          "2018/2022", i % 3 == 0 ? "black-alone" : null, null, null, null, null, null, i % 11 == 0 ? null : i / 7.0,
          1.5, null, null, null, null, i % 11 == 0 ? "suppressed" : null, null, Map.of(),
          i % 13 == 0 ? Map.of("x-source", "row " + i) : Map.of(), at));
    }
    FeedFiles files = new FeedFiles(dir, PublishFaults.NONE);
    List<String> extra = FeedFiles.extraColumns(rows);
    assertThat(extra).containsExactly("x-source");
    for (WrittenFile f : List.of(files.observationsCsv("observations.csv", rows, extra),
        files.observationsNdjson("observations.ndjson", rows))) {
      byte[] bytes = Files.readAllBytes(dir.resolve(f.path()));
      assertThat(f.bytes()).isEqualTo(bytes.length);
      assertThat(f.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      assertThat(f.rows()).isEqualTo(rows.size());
    }
    assertThat(Files.readString(dir.resolve("observations.csv")).lines().skip(1).count()).isEqualTo(rows.size());
  }
}
