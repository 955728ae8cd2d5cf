package org.civicequity.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size, hash and row count of a file written in one pass are those of the file on disk, and
 * the two copies written on two threads are those written one by one.
 */
class FeedFilesTest {
  @TempDir
  Path dir;

  private static List<Observation> rows() {
    List<Observation> rows = new ArrayList<>();
    SourceLocation at = SourceLocation.ofFile("x");
    for (int i = 0; i < 61_234; i++) {
      rows.add(new Observation("poverty-rate", "tract", String.format("24510%06d", i), i % 7 == 0 ? "Tract, \"quoted\"" : null,
          "2018/2022", i % 3 == 0 ? "black-alone" : null, null, null, null, null, null, i % 11 == 0 ? null : i / 7.0,
          1.5, null, null, null, null, i % 11 == 0 ? "suppressed" : null, null, Map.of(),
          i % 13 == 0 ? Map.of("x-source", "row " + i) : Map.of(), at));
    }
    return rows;
  }

  @Test
  void sizesAndHashesAreThoseOfTheWrittenFiles() throws Exception {
    List<Observation> rows = rows();
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

  @Test
  void bothCopiesWrittenOnTwoThreadsEqualThoseWrittenOneByOne() throws Exception {
    List<Observation> rows = rows();
    List<String> extra = FeedFiles.extraColumns(rows);
    Path one = Files.createDirectory(dir.resolve("one"));
    Path two = Files.createDirectory(dir.resolve("two"));
    FeedFiles single = new FeedFiles(one, PublishFaults.NONE);
    List<WrittenFile> expected = List.of(single.observationsCsv("observations.csv", rows, extra),
        single.observationsNdjson("observations.ndjson", rows));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      List<WrittenFile> both = new FeedFiles(two, PublishFaults.NONE).observations("observations.csv",
          "observations.ndjson", rows, extra, pool);
      assertThat(both).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
    for (String f : List.of("observations.csv", "observations.ndjson")) {
      assertThat(Files.readAllBytes(two.resolve(f))).isEqualTo(Files.readAllBytes(one.resolve(f)));
    }
  }

  @Test
  void aFailedCsvIsReportedOnlyOnceTheNdjsonWriteHasEnded() throws Exception {
    AtomicBoolean ndjsonClosed = new AtomicBoolean();
    PublishFaults faults = new PublishFaults() {
      @Override
      public OutputStream wrap(String file, OutputStream out) {
        if (file.equals("observations.csv")) {
          return new FilterOutputStream(out) {
            long n;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              n += len;
              if (n > 1000) {
                throw new IOException("disk full (injected)");
              }
              out.write(b, off, len);
            }
          };
        }
        return new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            super.close();
            ndjsonClosed.set(true);
          }
        };
      }
    };
    List<Observation> rows = rows();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      assertThatThrownBy(() -> new FeedFiles(dir, faults).observations("observations.csv", "observations.ndjson",
          rows, List.of(), pool)).isInstanceOf(IOException.class).hasMessageContaining("disk full (injected)");
      // the NDJSON copy was still being written when the CSV failed; it ended before the failure surfaced
      assertThat(ndjsonClosed).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }
}
