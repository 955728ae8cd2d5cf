package org.civicequity.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.codec.digest.DigestUtils;
import org.civicequity.core.Indicator;
import org.civicequity.core.Manifest;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedTest {
  @TempDir
  Path tmp;

  static final String MANIFEST = """
      {
        "name": "test-feed",
        "civicEquity": {"standardVersion": "1.0", "publisher": {"name": "Test City",
          "jurisdiction": {"geoLevel": "county", "geoId": "24510", "name": "Baltimore city"}},
          "suppressionPolicy": {"minimumCellSize": 11}},
        "resources": [
          {"name": "indicators", "path": "indicators.json"},
          {"name": "observations", "path": "data/observations.csv", "format": "csv"}
        ]
      }
      """;
  static final String INDICATORS = """
      {"indicators": [
        {"id": "poverty-rate", "name": "Poverty rate", "description": "d", "domain": "economy",
         "unit": "percent", "polarity": "lower-is-better", "confidenceLevel": 0.9}
      ]}
      """;
  static final String OBSERVATIONS = "indicator,geoLevel,geoId,period,value\n"
      + "poverty-rate,county,24510,2022,20.1\npoverty-rate,county,24005,2022,9.5\n";

  Path writeFeed(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("datapackage.json"), MANIFEST);
    Files.writeString(dir.resolve("indicators.json"), INDICATORS);
    Files.writeString(dir.resolve("data/observations.csv"), OBSERVATIONS);
    return dir;
  }

  static List<Observation> all(Feed feed, String path) throws IOException {
    List<Observation> out = new ArrayList<>();
    try (ObservationReader r = feed.observations(path, ReadOptions.defaults())) {
      r.forEachRemaining(out::add);
      assertThat(r.problems()).isEmpty();
    }
    return out;
  }

  void checkContent(Feed feed) throws IOException {
    assertThat(feed.hasManifest()).isTrue();
    Manifest m = feed.manifest().value().orElseThrow();
    assertThat(m.name()).isEqualTo("test-feed");
    assertThat(m.civicEquity().publisher().jurisdiction().geoId()).isEqualTo("24510");
    assertThat(m.civicEquity().suppressionPolicy().minimumCellSize()).isEqualTo(11);
    List<Indicator> indicators = feed.indicators().value().orElseThrow();
    assertThat(indicators).extracting(Indicator::id).containsExactly("poverty-rate");
    assertThat(indicators.get(0).location().pointer()).isEqualTo("/indicators/0");
    assertThat(indicators.get(0).location().line()).isEqualTo(2);
    assertThat(feed.observationPaths()).containsExactly("data/observations.csv");
    List<Observation> obs = all(feed, "data/observations.csv");
    assertThat(obs).hasSize(2);
    assertThat(obs.get(1).location().file()).isEqualTo("data/observations.csv");
    assertThat(feed.sha256("data/observations.csv"))
        .isEqualTo(DigestUtils.sha256Hex(OBSERVATIONS.getBytes(StandardCharsets.UTF_8)));
    assertThat(feed.size("data/observations.csv")).isEqualTo(OBSERVATIONS.length());
    assertThat(feed.files()).containsExactly("data/observations.csv", "datapackage.json",
        "indicators.json");
    assertThat(feed.geographies()).isEmpty();
  }

  @Test
  void opensADirectoryAndItsManifest() throws IOException {
    Path dir = writeFeed(tmp.resolve("feed"));
    try (Feed feed = Feed.open(dir)) {
      assertThat(feed.kind()).isEqualTo(Feed.Kind.DIRECTORY);
      checkContent(feed);
    }
    try (Feed feed = Feed.open(dir.resolve("datapackage.json"))) {
      checkContent(feed);
    }
  }

  @Test
  void opensAZipAtItsRootOrInOneFolder() throws IOException {
    Path flat = zip(tmp.resolve("flat.zip"), "", 0);
    try (Feed feed = Feed.open(flat)) {
      assertThat(feed.kind()).isEqualTo(Feed.Kind.ZIP);
      checkContent(feed);
    }
    Path nested = zip(tmp.resolve("nested.zip"), "my-feed/", 0);
    try (Feed feed = Feed.open(nested)) {
      checkContent(feed);
    }
    Path mac = tmp.resolve("mac.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(mac))) {
      put(z, "my-feed/datapackage.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
      put(z, "my-feed/indicators.json", INDICATORS.getBytes(StandardCharsets.UTF_8));
      put(z, "my-feed/data/observations.csv", OBSERVATIONS.getBytes(StandardCharsets.UTF_8));
      put(z, "__MACOSX/my-feed/._datapackage.json", new byte[] {0, 5, 22, 7});
    }
    try (Feed feed = Feed.open(mac)) {
      assertThat(feed.hasManifest()).isTrue();
      assertThat(all(feed, "data/observations.csv")).hasSize(2);
    }
  }

  Path zip(Path file, String prefix, int extraEntries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      put(z, prefix + "datapackage.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
      put(z, prefix + "indicators.json", INDICATORS.getBytes(StandardCharsets.UTF_8));
      put(z, prefix + "data/observations.csv", OBSERVATIONS.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < extraEntries; i++) {
        put(z, prefix + "extra/" + i + ".txt", new byte[] {'x'});
      }
    }
    return file;
  }

  static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(bytes);
    z.closeEntry();
  }

  @Test
  void unsafePathsAreRefusedWithTheReason() throws IOException {
    Path dir = writeFeed(tmp.resolve("feed"));
    Files.writeString(tmp.resolve("secret.csv"), "indicator\nx\n");
    try (Feed feed = Feed.open(dir)) {
      for (String bad : List.of("../secret.csv", "data/../../secret.csv", "/etc/passwd",
          tmp.resolve("secret.csv").toString(), "https://example.org/x.csv", "C:/x.csv",
          "data\\observations.csv", "./indicators.json", "data//observations.csv", "",
          "~/x.csv")) {
        assertThatThrownBy(() -> feed.open(bad)).as(bad).isInstanceOf(FeedException.class)
            .satisfies(e -> assertThat(((FeedException) e).reason())
                .isEqualTo(FeedException.Reason.UNSAFE_PATH));
        assertThat(Feed.pathProblem(bad)).as(bad).isPresent();
      }
      assertThatThrownBy(() -> feed.observations("../secret.csv", ReadOptions.defaults()))
          .isInstanceOf(FeedException.class).hasMessageContaining("..");
      assertThatThrownBy(() -> feed.open("missing.csv")).isInstanceOf(FeedException.class)
          .satisfies(e -> assertThat(((FeedException) e).reason())
              .isEqualTo(FeedException.Reason.NOT_FOUND));
      assertThat(Feed.pathProblem("data/observations.csv")).isEmpty();
    }
  }

  @Test
  void aManifestNamingAPathOutsideIsRefusedWhenOpened() throws IOException {
    Path dir = writeFeed(tmp.resolve("feed"));
    Files.writeString(dir.resolve("datapackage.json"), MANIFEST.replace("data/observations.csv",
        "../../etc/passwd.csv"));
    try (Feed feed = Feed.open(dir)) {
      assertThat(feed.observationPaths()).containsExactly("../../etc/passwd.csv");
      assertThatThrownBy(() -> feed.observations("../../etc/passwd.csv", ReadOptions.defaults()))
          .isInstanceOf(FeedException.class);
    }
  }

  @Test
  void symlinksOutOfTheFeedAreRefusedAndInsideAreFollowed() throws IOException {
    Path dir = writeFeed(tmp.resolve("feed"));
    Path outside = Files.writeString(tmp.resolve("outside.csv"), OBSERVATIONS);
    Files.createDirectories(tmp.resolve("outdir"));
    Files.writeString(tmp.resolve("outdir/o.csv"), OBSERVATIONS);
    try {
      Files.createSymbolicLink(dir.resolve("link.csv"), outside);
      Files.createSymbolicLink(dir.resolve("linkdir"), tmp.resolve("outdir"));
      Files.createSymbolicLink(dir.resolve("inside.csv"), dir.resolve("data/observations.csv"));
    } catch (UnsupportedOperationException | FileSystemException e) {
      assumeTrue(false, "symbolic links are not supported here");
    }
    try (Feed feed = Feed.open(dir)) {
      for (String p : List.of("link.csv", "linkdir/o.csv")) {
        assertThatThrownBy(() -> feed.open(p)).as(p).isInstanceOf(FeedException.class)
            .satisfies(e -> assertThat(((FeedException) e).reason())
                .isEqualTo(FeedException.Reason.SYMLINK_ESCAPE));
        assertThatThrownBy(() -> feed.exists(p)).isInstanceOf(FeedException.class);
      }
      assertThat(all(feed, "inside.csv")).hasSize(2);
    }
  }

  @Test
  void zipSlipEntriesRefuseTheZip() throws IOException {
    for (String evil : List.of("../evil.csv", "a/../../evil.csv", "/abs/evil.csv",
        "C:/evil.csv", "a\\..\\..\\evil.csv")) {
      Path file = tmp.resolve("slip.zip");
      try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
        put(z, "datapackage.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
        put(z, evil, "x".getBytes(StandardCharsets.UTF_8));
      }
      assertThatThrownBy(() -> Feed.open(file)).as(evil).isInstanceOf(FeedException.class)
          .satisfies(e -> assertThat(((FeedException) e).reason())
              .isEqualTo(FeedException.Reason.ZIP_UNSAFE_ENTRY))
          .hasMessageContaining("slip.zip");
    }
  }

  @Test
  void zipBombIsRefused() throws IOException {
    Path file = tmp.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      put(z, "datapackage.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("observations.csv"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        z.write(zeros); // 20 MiB of zeros deflate to ~20 KiB: about 1000:1
      }
      z.closeEntry();
    }
    assertThat(Files.size(file)).isLessThan(100_000);
    assertThatThrownBy(() -> Feed.open(file)).isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(((FeedException) e).reason())
            .isEqualTo(FeedException.Reason.ZIP_RATIO))
        .hasMessageContaining("100:1");
  }

  @Test
  void zipThatLiesAboutItsSizeIsStoppedWhileReading() throws IOException {
    Path file = tmp.resolve("liar.zip");
    byte[] big = "indicator\n".repeat(200_000).getBytes(StandardCharsets.UTF_8); // 2 MB
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      put(z, "datapackage.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
      put(z, "observations.csv", big);
    }
    // declare 1000 bytes in the central directory entry of observations.csv
    byte[] zip = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    boolean patched = false;
    for (int i = 0; i + 46 < zip.length; i++) {
      if (b.getInt(i) == 0x02014b50) {
        int nameLen = b.getShort(i + 28) & 0xffff;
        String name = new String(zip, i + 46, nameLen, StandardCharsets.UTF_8);
        if (name.equals("observations.csv")) {
          b.putInt(i + 24, 1000);
          patched = true;
        }
      }
    }
    assertThat(patched).isTrue();
    Files.write(file, zip);
    try (Feed feed = Feed.open(file)) {
      assertThat(feed.size("observations.csv")).isEqualTo(1000);
      assertThatThrownBy(() -> {
        try (InputStream in = feed.open("observations.csv")) {
          in.readAllBytes();
        }
      }).isInstanceOf(IOException.class);
    }
  }

  @Test
  void tooManyEntriesAndTooManyBytesAreRefused() throws IOException {
    Path many = zip(tmp.resolve("many.zip"), "", 98);
    FeedLimits hundred = new FeedLimits(100, FeedLimits.DEFAULT_MAX_TOTAL_BYTES, 100, 64 << 10);
    assertThatThrownBy(() -> Feed.open(many, hundred)).isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(((FeedException) e).reason())
            .isEqualTo(FeedException.Reason.ZIP_TOO_MANY_ENTRIES))
        .hasMessageContaining("101 entries");
    try (Feed feed = Feed.open(zip(tmp.resolve("hundred.zip"), "", 97), hundred)) {
      assertThat(feed.files()).hasSize(100);
    }
    Path ok = zip(tmp.resolve("ok.zip"), "", 10);
    FeedLimits small = new FeedLimits(100, 500, 100, 64 << 10);
    assertThatThrownBy(() -> Feed.open(ok, small)).isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(((FeedException) e).reason())
            .isEqualTo(FeedException.Reason.ZIP_TOO_LARGE));
    try (Feed feed = Feed.open(ok)) {
      assertThat(feed.files()).hasSize(13);
    }
  }

  @Test
  void notAFeed() throws IOException {
    assertThatThrownBy(() -> Feed.open(tmp.resolve("nothing"))).isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(((FeedException) e).reason())
            .isEqualTo(FeedException.Reason.NOT_FOUND));
    Path txt = Files.writeString(tmp.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> Feed.open(txt)).isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(((FeedException) e).reason())
            .isEqualTo(FeedException.Reason.NOT_A_FEED));
    Path badZip = Files.writeString(tmp.resolve("broken.zip"), "not a zip");
    assertThatThrownBy(() -> Feed.open(badZip)).isInstanceOf(FeedException.class)
        .satisfies(e -> assertThat(((FeedException) e).reason())
            .isEqualTo(FeedException.Reason.ZIP_INVALID));
  }

  @Test
  void directoryWithoutManifestFindsObservationsByName() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bare"));
    Files.writeString(dir.resolve("observations.ndjson"), "{\"indicator\":\"a\"}\n");
    try (Feed feed = Feed.open(dir)) {
      assertThat(feed.hasManifest()).isFalse();
      assertThatThrownBy(feed::manifest).isInstanceOf(FeedException.class);
      assertThat(feed.observationPaths()).containsExactly("observations.ndjson");
      assertThat(all(feed, "observations.ndjson")).hasSize(1);
    }
  }

  static void write(Path p, String s) throws IOException {
    try (OutputStream o = Files.newOutputStream(p)) {
      o.write(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
