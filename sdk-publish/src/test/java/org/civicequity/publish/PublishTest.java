package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.civicequity.publish.internal.PublishFaults;
import org.civicequity.validate.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Publishing a converted BNIA file: official schemas, determinism, fault injection, escaping. */
class PublishTest {
  private static final LocalDate ISSUED = LocalDate.of(2024, 5, 1);
  @TempDir
  Path tmp;
  private Path source;

  @BeforeEach
  void convert() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("real/bnia-vs-violent-crime.csv"),
        Mapping.load(TestFiles.resource("mappings/baltimore-crime.json")));
    assertThat(c.hasErrors()).isFalse();
    source = tmp.resolve("source");
    SourceFolder.write(c, source);
  }

  private static PublishOptions options() {
    return PublishOptions.defaults().withIssued(ISSUED);
  }

  @Test
  void publishesAValidFeedWithOfficialManifestAndCatalog() throws Exception {
    Path feed = tmp.resolve("site/feed");
    PublishResult r = FeedPublisher.publish(source, feed, options().withVerify(true));
    assertThat(r.observations()).isEqualTo(55 * 12);
    assertThat(r.report().valid()).isTrue();
    assertThat(r.files()).containsExactly("observations.csv", "observations.ndjson", "indicators.json",
        "geographies.csv", "datapackage.json", "data.json", "index.html");
    for (String f : r.files()) {
      assertThat(feed.resolve(f)).isRegularFile();
    }
    assertThat(OfficialSchemas.frictionlessDataPackage(feed.resolve("datapackage.json"))).isEmpty();
    JsonNode dp = OfficialSchemas.read(feed.resolve("datapackage.json"));
    for (JsonNode res : dp.path("resources")) {
      assertThat(OfficialSchemas.frictionlessResource(res)).as(res.path("name").asString()).isEmpty();
      Path file = feed.resolve(res.path("path").asString());
      assertThat(res.path("bytes").asLong()).isEqualTo(Files.size(file));
      assertThat(res.path("hash").asString()).isEqualTo("sha256:" + sha256(file));
    }
    JsonNode obs = dp.path("resources").get(0);
    assertThat(obs.path("schema").path("fields").get(0).path("name").asString()).isEqualTo("indicator");
    assertThat(obs.path("dialect").path("delimiter").asString()).isEqualTo(",");
    assertThat(obs.path("x-alternatives").get(0).path("hash").asString())
        .isEqualTo("sha256:" + sha256(feed.resolve("observations.ndjson")));
    assertThat(dp.path("created").asString()).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(OfficialSchemas.dcatCatalog(feed.resolve("data.json"))).isEmpty();
    JsonNode dataset = OfficialSchemas.read(feed.resolve("data.json")).path("dataset").get(0);
    assertThat(OfficialSchemas.dcatDataset(dataset)).isEmpty();
    assertThat(dataset.path("distribution").get(0).path("downloadURL").asString())
        .isEqualTo("https://example.org/feeds/baltimore/observations.csv");
    assertThat(dataset.path("temporal").asString()).isEqualTo("2010-01-01/2021-12-31");
    // the published feed is valid for our own validator too
    assertThat(Validator.create().validate(feed).valid()).isTrue();
    assertThat(Files.list(feed.getParent()).map(p -> p.getFileName().toString()).toList()).containsExactly("feed");
    if (Files.getFileStore(feed).supportsFileAttributeView("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(feed)))
          .isEqualTo("rwxr-xr-x");
    }
  }

  @Test
  void theValidatorFlagsADataJsonTheOfficialDcatSchemaRefusesAndADamagedNdjsonCopy() throws Exception {
    Path feed = tmp.resolve("site/feed");
    FeedPublisher.publish(source, feed, options());
    assertThat(Validator.create().validate(feed).valid()).isTrue();
    Path dataJson = feed.resolve("data.json");
    String original = Files.readString(dataJson);
    tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    Map<String, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode>> defects = new TreeMap<>();
    for (String member : List.of("title", "description", "keyword", "modified", "publisher", "contactPoint",
        "identifier", "accessLevel")) {
      defects.put("no " + member, d -> d.remove(member));
    }
    defects.put("contact without mailto", d -> ((tools.jackson.databind.node.ObjectNode) d.get("contactPoint"))
        .put("hasEmail", "examples@civicequity.org"));
    defects.put("no contact name", d -> ((tools.jackson.databind.node.ObjectNode) d.get("contactPoint")).remove("fn"));
    defects.put("no publisher name", d -> ((tools.jackson.databind.node.ObjectNode) d.get("publisher")).remove("name"));
    defects.put("empty keywords", d -> d.putArray("keyword"));
    defects.put("empty title", d -> d.put("title", ""));
    defects.put("access level", d -> d.put("accessLevel", "open"));
    defects.put("long description", d -> d.put("description", "x".repeat(10_001)));
    for (var defect : defects.entrySet()) {
      tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) mapper.readTree(original);
      defect.getValue().accept((tools.jackson.databind.node.ObjectNode) root.get("dataset").get(0));
      Files.writeString(dataJson, mapper.writeValueAsString(root));
      assertThat(OfficialSchemas.dcatCatalog(dataJson)).as(defect.getKey()).isNotEmpty();
      var report = Validator.create().validate(feed);
      assertThat(report.valid()).as(defect.getKey()).isFalse();
      assertThat(report.findings()).as(defect.getKey())
          .filteredOn(g -> g.severity() == org.civicequity.validate.Severity.ERROR).isNotEmpty()
          .allSatisfy(g -> assertThat(g.examples())
              .allSatisfy(f -> assertThat(f.location().file()).isEqualTo("data.json")));
    }
    Files.writeString(dataJson, "{\"conformsTo\": ");
    var broken = Validator.create().validate(feed);
    assertThat(broken.group("JSON_SYNTAX_ERROR").examples().get(0).location().file()).isEqualTo("data.json");
    Files.writeString(dataJson, original);
    // the NDJSON copy (x-alternatives of the observations) is checked like a resource
    Path ndjson = feed.resolve("observations.ndjson");
    byte[] rows = Files.readAllBytes(ndjson);
    Files.write(ndjson, java.util.Arrays.copyOf(rows, rows.length - 20));
    var truncated = Validator.create().validate(feed);
    assertThat(truncated.group("RESOURCE_CHECKSUM_MISMATCH").examples()).singleElement()
        .satisfies(f -> assertThat(f.location().pointer()).isEqualTo("/resources/0/x-alternatives/0/hash"));
    Files.delete(ndjson);
    assertThat(Validator.create().validate(feed).group("RESOURCE_MISSING").examples()).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("observations.ndjson"));
  }

  @Test
  void sameInputAndIssueDateGiveAByteIdenticalFeed() throws Exception {
    Path a = tmp.resolve("a/feed");
    Path b = tmp.resolve("b/feed");
    FeedPublisher.publish(source, a, options());
    FeedPublisher.publish(source, b, options());
    assertThat(hashes(b)).isEqualTo(hashes(a)).hasSize(7);
    // and publishing again over the same feed changes nothing
    Map<String, String> before = hashes(a);
    FeedPublisher.publish(source, a, options());
    assertThat(hashes(a)).isEqualTo(before);
  }

  @Test
  void changesAgainstAPreviousVersion() throws Exception {
    Path v1 = tmp.resolve("v1/feed");
    FeedPublisher.publish(source, v1, options());
    // edit the source: drop one row, change one value
    Path csv = source.resolve("observations.csv");
    List<String> lines = Files.readAllLines(csv);
    lines.remove(5);
    lines.set(1, lines.get(1).replace("12.6410556823087", "13.5"));
    assertThat(lines.get(2)).contains(",12.5177283097984,");
    lines.set(2, lines.get(2).replace(",12.5177283097984,", ",14,"));
    Files.write(csv, lines);
    Path v2 = tmp.resolve("v2/feed");
    FeedPublisher.publish(source, v2, options().withIssued(LocalDate.of(2024, 6, 1)).withPrevious(v1));
    JsonNode changes = OfficialSchemas.read(v2.resolve("CHANGES.json"));
    assertThat(changes.path("summary").path("removed").asInt()).isEqualTo(1);
    assertThat(changes.path("summary").path("revised").asInt()).isEqualTo(2);
    assertThat(changes.path("summary").path("removed").isIntegralNumber()).isTrue();
    // a whole number is written as the feed writes it: 14, not 14.0
    assertThat(Files.readString(v2.resolve("CHANGES.json"))).doesNotContain("14.0").containsPattern("\\b14\\b");
    assertThat(changes.path("revised").get(1).path("changes").path("value").get(1).isIntegralNumber()).isTrue();
    assertThat(changes.path("summary").path("added").asInt()).isZero();
    JsonNode rev = changes.path("revised").get(0);
    assertThat(rev.path("geoId").asString()).isEqualTo("allendale-irvington-s-hilton");
    assertThat(rev.path("changes").path("value").get(0).asDouble()).isEqualTo(12.6410556823087);
    assertThat(rev.path("changes").path("value").get(1).asDouble()).isEqualTo(13.5);
    assertThat(OfficialSchemas.read(v2.resolve("datapackage.json")).path("resources").toString()).contains("CHANGES.json");
  }

  /** Fails writing one file after a number of bytes. */
  private record FailAfter(String file, long bytes) implements PublishFaults {
    @Override
    public OutputStream wrap(String f, OutputStream out) {
      if (!f.equals(file)) {
        return out;
      }
      return new java.io.FilterOutputStream(out) {
        long n;

        @Override
        public void write(int b) throws IOException {
          if (++n > bytes) {
            throw new IOException("injected: disk full after " + bytes + " bytes of " + file);
          }
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          for (int i = 0; i < len; i++) {
            write(b[off + i]);
          }
        }
      };
    }
  }

  @Test
  void aFailureAtAnyStepLeavesThePreviousFeedExactlyAsItWas() throws Exception {
    Path feed = tmp.resolve("site/feed");
    FeedPublisher.publish(source, feed, options());
    Map<String, String> before = hashes(feed);
    // a newer source, so a successful publish would change the feed
    Path csv = source.resolve("observations.csv");
    List<String> lines = Files.readAllLines(csv);
    lines.set(1, lines.get(1).replace("12.6410556823087", "99"));
    Files.write(csv, lines);
    PublishOptions later = options().withIssued(LocalDate.of(2024, 7, 1));
    for (String file : List.of("observations.csv", "observations.ndjson", "indicators.json", "geographies.csv",
        "datapackage.json", "data.json", "index.html")) {
      long size = Files.size(feed.resolve(file));
      for (long n : new java.util.TreeSet<>(List.of(0L, size / 2))) {
        assertThatThrownBy(() -> FeedPublisher.publish(source, feed, later, new FailAfter(file, n)))
            .as(file + " after " + n + " bytes").isInstanceOf(IOException.class);
        assertThat(hashes(feed)).as(file + " after " + n + " bytes").isEqualTo(before);
        assertThat(siblings(feed)).containsExactly("feed");
      }
    }
    PublishFaults crashBeforeMove = new PublishFaults() {
      @Override
      public void beforeMove() throws IOException {
        throw new IOException("injected: crash before the move");
      }
    };
    assertThatThrownBy(() -> FeedPublisher.publish(source, feed, later, crashBeforeMove)).isInstanceOf(IOException.class);
    assertThat(hashes(feed)).isEqualTo(before);
    PublishFaults failBetween = new PublishFaults() {
      @Override
      public void betweenMoves() throws IOException {
        throw new IOException("injected: failure between the renames");
      }
    };
    assertThatThrownBy(() -> FeedPublisher.publish(source, feed, later, failBetween)).isInstanceOf(IOException.class);
    assertThat(hashes(feed)).isEqualTo(before);
    assertThat(siblings(feed)).containsExactly("feed");
    // a process killed between the renames leaves the old feed aside: the next publish puts it back first
    Path aside = feed.resolveSibling(".feed.previous-12345");
    Files.move(feed, aside);
    try (var swap = new org.civicequity.publish.internal.AtomicSwap(feed)) {
      assertThat(hashes(feed)).isEqualTo(before);
    }
    // and then a normal publish replaces it
    FeedPublisher.publish(source, feed, later);
    assertThat(hashes(feed)).isNotEqualTo(before);
    assertThat(siblings(feed)).containsExactly("feed");
  }

  @Test
  void refusesInvalidSourcesWithTheReportAndChangesNothing() throws Exception {
    Path feed = tmp.resolve("site/feed");
    FeedPublisher.publish(source, feed, options());
    Map<String, String> before = hashes(feed);
    Path csv = source.resolve("observations.csv");
    List<String> lines = Files.readAllLines(csv);
    lines.set(3, lines.get(3).replaceFirst(",(20[0-9]{2}),", ",$10,"));
    Files.write(csv, lines);
    assertThatThrownBy(() -> FeedPublisher.publish(source, feed, options()))
        .isInstanceOf(PublishException.class)
        .satisfies(e -> {
          PublishException pe = (PublishException) e;
          assertThat(pe.report()).isNotNull();
          assertThat(pe.report().valid()).isFalse();
          assertThat(pe.report().findings()).anySatisfy(g -> {
            assertThat(g.code()).isEqualTo("PERIOD_INVALID");
            assertThat(g.examples().get(0).location().file()).isEqualTo("observations.csv");
            assertThat(g.examples().get(0).location().line()).isEqualTo(4);
          });
        });
    assertThat(hashes(feed)).isEqualTo(before);
  }

  @Test
  void aManifestThatWouldBeInvalidIsRefusedWithOneReadableLinePerProblem() throws Exception {
    Path manifest = source.resolve("datapackage.json");
    String m = Files.readString(manifest);
    assertThat(m).contains("\"jurisdiction\"");
    Files.writeString(manifest, m.replaceFirst("(\"jurisdiction\"\\s*:\\s*\\{[^}]*\"name\"\\s*:\\s*)\"[^\"]*\"", "$1\"\""));
    Path feed = tmp.resolve("site/feed");
    assertThatThrownBy(() -> FeedPublisher.publish(source, feed, options()))
        .isInstanceOf(PublishException.class)
        .satisfies(e -> assertThat(((PublishException) e).problems()).containsExactly(
            "datapackage.json (/civicEquity/publisher/jurisdiction/name): must be at least 1 characters long "
                + "[SCHEMA_VIOLATION]"));
    assertThat(feed).doesNotExist();
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotAFeed() throws Exception {
    Path notAFeed = tmp.resolve("home");
    Files.createDirectories(notAFeed);
    Files.writeString(notAFeed.resolve("precious.txt"), "keep me");
    assertThatThrownBy(() -> FeedPublisher.publish(source, notAFeed, options()))
        .isInstanceOf(IOException.class).hasMessageContaining("is not a feed");
    assertThat(notAFeed.resolve("precious.txt")).hasContent("keep me");
  }

  @Test
  void aScriptInAnyNameStaysInertText() throws Exception {
    String evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    Path ind = source.resolve("indicators.json");
    tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) mapper.readTree(ind.toFile());
    ((tools.jackson.databind.node.ObjectNode) tree.path("indicators").get(0)).put("name", evil);
    Files.writeString(ind, mapper.writeValueAsString(tree));
    Path geo = source.resolve("observations.csv");
    Files.writeString(geo, Files.readString(geo).replace("Allendale/Irvington/S. Hilton",
        "\"Allendale <script>alert(2)</script>\""));
    Path feed = tmp.resolve("site/feed");
    FeedPublisher.publish(source, feed, options());
    String html = Files.readString(feed.resolve("index.html"));
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=alert(1)>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).contains("Allendale &lt;script&gt;alert(2)&lt;/script&gt;");
  }

  static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), sha256(p));
      }
    }
    return out;
  }

  private static List<String> siblings(Path feed) throws IOException {
    try (Stream<Path> s = Files.list(feed.getParent())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
