package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The version of a feed published with {@code --previous} (semver for data): derived from the
 * previous version by the kind of change, or the source's own when it is higher; refused when the
 * source states one that is not higher.
 */
class VersionBumpTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate V1 = LocalDate.of(2024, 5, 1);
  private static final LocalDate V2 = LocalDate.of(2024, 6, 1);
  @TempDir
  Path tmp;
  private Path source;
  private Path previous;

  /** Converts the BNIA file and publishes it as version 1.4.2 (the version the source states). */
  @BeforeEach
  void publishPrevious() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("real/bnia-vs-violent-crime.csv"),
        Mapping.load(TestFiles.resource("mappings/baltimore-crime.json")));
    assertThat(c.hasErrors()).isFalse();
    source = tmp.resolve("source");
    SourceFolder.write(c, source);
    stateVersion("1.4.2");
    previous = tmp.resolve("v1/feed");
    PublishResult r = FeedPublisher.publish(source, previous, PublishOptions.defaults().withIssued(V1));
    assertThat(r.versionChange()).isNull();
    assertThat(manifest(previous).path("version").asString()).isEqualTo("1.4.2");
    assertThat(previous.resolve("CHANGES.json")).doesNotExist();
    stateVersion(null);
  }

  @Test
  void removedObservationsGiveAMajorBump() throws Exception {
    editObservations(lines -> lines.remove(5));
    JsonNode changes = publishNext("v2/feed");
    assertVersion(changes, "2.0.0", "major");
    assertThat(changes.path("reason").asString()).isEqualTo("1 observation removed.");
  }

  @Test
  void aDefinitionChangeThatBreaksComparabilityGivesAMajorBump() throws Exception {
    editIndicator(i -> i.put("polarity", i.path("polarity").asString().equals("positive") ? "negative" : "positive"));
    JsonNode changes = publishNext("v2/feed");
    assertVersion(changes, "2.0.0", "major");
    assertThat(changes.path("reason").asString()).matches("The polarity of [a-z0-9-]+ changed\\.");
    assertThat(changes.path("summary").path("removed").asInt()).isZero();
  }

  @Test
  void addedObservationsOrAnotherDefinitionChangeGiveAMinorBump() throws Exception {
    editIndicator(i -> i.put("name", i.path("name").asString() + " (revised wording)"));
    JsonNode renamed = publishNext("v2/feed");
    assertVersion(renamed, "1.5.0", "minor");
    assertThat(renamed.path("reason").asString()).matches("The name of [a-z0-9-]+ changed\\.");

    // a previous feed without one row, then the full source: one observation added
    Path fewer = tmp.resolve("fewer");
    copy(source, fewer);
    List<String> lines = Files.readAllLines(fewer.resolve("observations.csv"));
    lines.remove(7);
    Files.write(fewer.resolve("observations.csv"), lines);
    stateVersion(fewer, "3.0.0");
    Path v3 = tmp.resolve("v3/feed");
    FeedPublisher.publish(fewer, v3, PublishOptions.defaults().withIssued(V1));
    PublishResult r = FeedPublisher.publish(source, tmp.resolve("v4/feed"),
        PublishOptions.defaults().withIssued(V2).withPrevious(v3));
    JsonNode added = changes(r.feed());
    assertVersion(added, "3.1.0", "minor");
    assertThat(added.path("previousVersion").asString()).isEqualTo("3.0.0");
    assertThat(added.path("reason").asString()).isEqualTo("1 observation added.");
    assertThat(r.versionChange()).isEqualTo(new VersionChange("3.0.0", "3.1.0", "minor", "1 observation added."));
  }

  @Test
  void onlyRevisedValuesOrNoChangeGiveAPatchBump() throws Exception {
    editObservations(lines -> lines.set(1, lines.get(1).replace("12.6410556823087", "13.5")));
    JsonNode revised = publishNext("v2/feed");
    assertVersion(revised, "1.4.3", "patch");
    assertThat(revised.path("reason").asString()).isEqualTo("Only values of 1 observation were revised.");

    PublishResult same = FeedPublisher.publish(source, tmp.resolve("v3/feed"),
        PublishOptions.defaults().withIssued(V2).withPrevious(tmp.resolve("v2/feed")));
    assertThat(same.versionChange()).isEqualTo(new VersionChange("1.4.3", "1.4.4", "patch", "Nothing changed."));
  }

  @Test
  void aHigherVersionTheSourceStatesIsKept() throws Exception {
    // 1.10.0 > 1.4.2 by precedence (not as text), kept although the changes call for a major bump
    editObservations(lines -> lines.remove(5));
    stateVersion("1.10.0");
    JsonNode changes = publishNext("v2/feed");
    assertVersion(changes, "1.10.0", "major");
    assertThat(changes.path("reason").asString()).isEqualTo("Version 1.10.0 as the source states, higher than the "
        + "previous 1.4.2; the changes call for a major bump (1 observation removed).");
  }

  @Test
  void aVersionTheSourceStatesThatIsNotHigherIsRefused() throws Exception {
    editObservations(lines -> lines.set(1, lines.get(1).replace("12.6410556823087", "13.5")));
    for (String stated : List.of("1.4.2", "1.4.2-rc.1", "1.3.99", "1.4.2+build.7")) {
      stateVersion(stated);
      Path target = tmp.resolve("v2/feed");
      assertThatThrownBy(() -> FeedPublisher.publish(source, target,
          PublishOptions.defaults().withIssued(V2).withPrevious(previous)))
          .isInstanceOf(PublishException.class)
          .hasMessage("the source states version " + stated + ", which is not higher than the previous feed's 1.4.2; "
              + "raise it, or remove `version` from datapackage.json to get 1.4.3 (a patch bump: only values of 1 "
              + "observation were revised)")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(target).doesNotExist();
      if (Files.exists(tmp.resolve("v2"))) {
        assertThat(tmp.resolve("v2")).isEmptyDirectory();
      }
    }
    stateVersion("2024.1");
    assertThatThrownBy(() -> FeedPublisher.publish(source, tmp.resolve("v2/feed"),
        PublishOptions.defaults().withIssued(V2).withPrevious(previous)))
        .isInstanceOf(PublishException.class)
        .hasMessageStartingWith("the source states version '2024.1', which is not a semantic version")
        .hasMessageContaining("previous feed's '1.4.2'");
  }

  @Test
  void aPreviousVersionThatIsNotSemanticStartsAt100() throws Exception {
    // published without a stated version, a feed's version is its issue date
    Path dated = tmp.resolve("dated/feed");
    FeedPublisher.publish(source, dated, PublishOptions.defaults().withIssued(V1));
    assertThat(manifest(dated).path("version").asString()).isEqualTo("2024-05-01");
    editObservations(lines -> lines.remove(5));
    PublishResult r = FeedPublisher.publish(source, tmp.resolve("v2/feed"),
        PublishOptions.defaults().withIssued(V2).withPrevious(dated));
    assertThat(r.versionChange().version()).isEqualTo("1.0.0");
    assertThat(r.versionChange().bump()).isEqualTo("major");
    assertThat(r.versionChange().reason()).isEqualTo("The previous version '2024-05-01' is not a semantic version, "
        + "so this feed starts at 1.0.0; the changes call for a major bump (1 observation removed).");
  }

  @Test
  void theSameInputsGiveTheSameBytes() throws Exception {
    editObservations(lines -> lines.remove(5));
    editIndicator(i -> i.put("name", i.path("name").asString() + " (revised wording)"));
    Path a = tmp.resolve("a/feed");
    Path b = tmp.resolve("b/feed");
    FeedPublisher.publish(source, a, PublishOptions.defaults().withIssued(V2).withPrevious(previous));
    FeedPublisher.publish(source, b, PublishOptions.defaults().withIssued(V2).withPrevious(previous));
    List<String> files;
    try (var s = Files.list(a)) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files).contains("CHANGES.json", "datapackage.json");
    for (String f : files) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    assertVersion(changes(a), "2.0.0", "major");
    // the reason names what decided the bump; the name change (minor) is listed in definitions
    assertThat(changes(a).path("reason").asString()).isEqualTo("1 observation removed.");
    assertThat(changes(a).path("definitions").get(0).path("fields").has("name")).isTrue();
  }

  private JsonNode publishNext(String dir) throws Exception {
    Path feed = tmp.resolve(dir);
    PublishResult r = FeedPublisher.publish(source, feed, PublishOptions.defaults().withIssued(V2)
        .withPrevious(previous));
    JsonNode changes = changes(feed);
    assertThat(r.versionChange()).isEqualTo(new VersionChange(changes.path("previousVersion").asString(),
        changes.path("version").asString(), changes.path("bump").asString(), changes.path("reason").asString()));
    return changes;
  }

  /** The version in CHANGES.json (both places) and in the manifest. */
  private static void assertVersion(JsonNode changes, String version, String bump) throws Exception {
    assertThat(changes.path("version").asString()).isEqualTo(version);
    assertThat(changes.path("current").path("version").asString()).isEqualTo(version);
    assertThat(changes.path("bump").asString()).isEqualTo(bump);
    assertThat(changes.path("previous").path("version").asString())
        .isEqualTo(changes.path("previousVersion").asString());
    assertThat(changes.path("reason").asString()).doesNotContain("\n").endsWith(".");
  }

  private static JsonNode changes(Path feed) throws Exception {
    JsonNode c = JSON.readTree(feed.resolve("CHANGES.json").toFile());
    assertThat(manifest(feed).path("version").asString()).isEqualTo(c.path("version").asString());
    return c;
  }

  private static JsonNode manifest(Path feed) {
    return JSON.readTree(feed.resolve("datapackage.json").toFile());
  }

  private void stateVersion(String version) throws Exception {
    stateVersion(source, version);
  }

  private static void stateVersion(Path dir, String version) throws Exception {
    Path f = dir.resolve("datapackage.json");
    ObjectNode dp = (ObjectNode) JSON.readTree(f.toFile());
    if (version == null) {
      dp.remove("version");
    } else {
      dp.put("version", version);
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), dp);
  }

  private void editObservations(Consumer<List<String>> edit) throws Exception {
    Path csv = source.resolve("observations.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
    edit.accept(lines);
    Files.write(csv, lines);
  }

  private void editIndicator(Consumer<ObjectNode> edit) throws Exception {
    Path f = source.resolve("indicators.json");
    ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
    edit.accept((ObjectNode) doc.path("indicators").get(0));
    JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), doc);
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (var s = Files.list(from)) {
      for (Path p : s.toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
  }
}
