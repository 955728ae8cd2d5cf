package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicequity.cli.CivicEquityTest.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.cli.CivicEquityTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InitCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path tmp;

  @Test
  void writesAReadyToEditSourceFolder() throws IOException {
    Path dir = tmp.resolve("Baltimore Equity 2024");
    Run r = run("init", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Created the source folder", "civic-equity validate " + dir);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "datapackage.json", "indicators.json", "observations.csv", "mapping.json", "README.md");
    }

    JsonNode manifest = JSON.readTree(dir.resolve("datapackage.json").toFile());
    assertThat(manifest.path("name").asString()).isEqualTo("baltimore-equity-2024");
    assertThat(manifest.path("title").asString()).isEqualTo("Baltimore equity 2024");
    assertThat(manifest.path("civicEquity").path("standardVersion").asString()).isEqualTo("1.0");
    List<String> paths = manifest.path("resources").valueStream()
        .map(res -> res.path("path").asString()).toList();
    assertThat(paths).containsExactlyInAnyOrder("indicators.json", "observations.csv");
    for (String p : paths) {
      assertThat(dir.resolve(p)).isRegularFile();
    }

    JsonNode indicators = JSON.readTree(dir.resolve("indicators.json").toFile());
    assertThat(indicators.path("indicators")).hasSize(1);
    String indicatorId = indicators.path("indicators").get(0).path("id").asString();

    JsonNode csvSchema = manifest.path("resources").valueStream()
        .filter(res -> "observations.csv".equals(res.path("path").asString()))
        .findFirst().orElseThrow().path("schema").path("fields");
    List<String> declared = csvSchema.valueStream().map(f -> f.path("name").asString()).toList();
    try (CSVParser csv = CSVParser.parse(dir.resolve("observations.csv"), StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertThat(csv.getHeaderNames()).as("the Table Schema describes the CSV header")
          .containsExactlyElementsOf(declared);
      List<CSVRecord> rows = csv.getRecords();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).get("indicator")).isEqualTo(indicatorId);
      assertThat(rows.get(0).get("geoId")).hasSize(5);
    }

    JsonNode mapping = JSON.readTree(dir.resolve("mapping.json").toFile());
    assertThat(mapping.path("fields").isObject()).isTrue();
    assertThat(mapping.path("name").asString()).isEqualTo("baltimore-equity-2024");
    assertThat(Files.readString(dir.resolve("README.md"))).contains("Baltimore equity 2024",
        "civic-equity validate", "baltimore-equity-2024-feed").doesNotContain("{{");
  }

  @Test
  void anExplicitNameIsUsed() throws IOException {
    Path dir = tmp.resolve("x");
    assertThat(run("init", "--name", "kent-county-equity", dir.toString()).exitCode())
        .isEqualTo(ExitCode.OK);
    assertThat(JSON.readTree(dir.resolve("datapackage.json").toFile()).path("name").asString())
        .isEqualTo("kent-county-equity");
  }

  @Test
  void aNameThatIsNotASlugIsMisuse() {
    Run r = run("init", "--name", "Kent County", tmp.resolve("y").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("--name must be a slug", "'Kent County'");
    assertThat(tmp.resolve("y")).doesNotExist();
  }

  @Test
  void anEmptyExistingFolderIsFine() {
    assertThat(run("init", tmp.toString()).exitCode()).isEqualTo(ExitCode.OK);
    assertThat(tmp.resolve("observations.csv")).isRegularFile();
  }

  @Test
  void refusesANonEmptyFolderAndLeavesItAlone() throws IOException {
    Path mine = Files.writeString(tmp.resolve("datapackage.json"), "{\"name\":\"mine\"}");
    Run r = run("init", tmp.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains(tmp + " is not empty", "--force").doesNotContain("at org.");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(mine)).isEqualTo("{\"name\":\"mine\"}");
    try (var files = Files.list(tmp)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void forceWritesIntoANonEmptyFolder() throws IOException {
    Files.writeString(tmp.resolve("datapackage.json"), "{\"name\":\"mine\"}");
    Files.writeString(tmp.resolve("keep.txt"), "kept");
    Run r = run("init", "--force", tmp.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(tmp.resolve("datapackage.json"))).contains("civicEquity");
    assertThat(Files.readString(tmp.resolve("keep.txt"))).isEqualTo("kept");
  }

  @Test
  void aFileInTheWayIsMisuse() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "hello");
    Run r = run("init", "--force", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("exists and is not a directory");
    assertThat(Files.readString(file)).isEqualTo("hello");
  }

  @Test
  void anUnwritableParentExitsThree() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    Run r = run("init", file.resolve("sub").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("civic-equity init: cannot write " + file.resolve("sub"));
  }
}
