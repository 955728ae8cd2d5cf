package org.civicequity.validate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.io.Feed;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.core.io.ReadProblem;
import org.civicequity.validate.ObservationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a whole file on the validator's parallel readers gives the rows (values and locations)
 * and the problems of the SDK's sequential {@link ObservationReader}, on the chunked-reading
 * test's inputs: clean, unquoted, CRLF, broken rows, bad UTF-8, a lone CR, an over-long field.
 */
class ObservationFilesTest {
  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"csv-clean", "csv-crlf", "csv-unquoted", "csv-unquoted-crlf", "csv-troubles", "csv-bad-utf8",
      "csv-lone-cr", "csv-huge-field", "ndjson-clean", "ndjson-crlf", "ndjson-varied", "ndjson-varied-escapes",
      "ndjson-troubles"})
  void aParallelReadGivesTheSequentialRowsAndProblems(String kind) throws IOException {
    String name = kind.startsWith("csv") ? "observations.csv" : "observations.ndjson";
    Files.write(temp.resolve(name), ChunkedReadingTest.input(kind));
    List<Observation> rows = new ArrayList<>();
    List<ReadProblem> problems;
    ObservationFiles.Contents parallel;
    try (Feed feed = Feed.open(temp)) {
      try (ObservationReader r = feed.observations(name, ReadOptions.defaults())) {
        while (r.hasNext()) {
          rows.add(r.next());
        }
        problems = r.problems();
      }
      parallel = ObservationFiles.read(feed, name);
    }
    assertThat(rows).hasSizeGreaterThan(2_500);
    assertThat(parallel.observations()).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(parallel.observations().get(i)).as("row %d", i).isEqualTo(rows.get(i));
    }
    assertThat(parallel.problems()).hasSameSizeAs(problems);
    for (int i = 0; i < problems.size(); i++) {
      assertThat(parallel.problems().get(i)).as("problem %d", i)
          .startsWith(problems.get(i).location() + ": " + problems.get(i).code());
    }
  }

  @Test
  void aJsonArrayIsReadSequentially() throws IOException {
    Files.writeString(temp.resolve("observations.json"), "[{\"indicator\":\"poverty-rate\",\"geoLevel\":\"county\","
        + "\"geoId\":\"24510\",\"period\":\"2022\",\"value\":12.5},{\"indicator\":\"poverty-rate\",\"value\":\"x\"}]");
    try (Feed feed = Feed.open(temp)) {
      ObservationFiles.Contents c = ObservationFiles.read(feed, "observations.json");
      assertThat(c.observations()).hasSize(2);
      assertThat(c.observations().get(0).value()).isEqualTo(12.5);
      assertThat(c.observations().get(1).unparsed()).containsEntry("value", "x");
    }
  }
}
