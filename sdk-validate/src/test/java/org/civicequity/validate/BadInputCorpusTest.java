package org.civicequity.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: every case gives a located finding of the expected code, or is refused
 * as unreadable (exit 3) with one line, or is valid; never an exception, a system error or a
 * hang. Small cases are files in {@code src/test/resources/corpus} (expectations in
 * {@code EXPECTED.tsv}); big ones (10 MB fields, 10,000-deep nesting, zip bombs) are generated
 * here.
 */
class BadInputCorpusTest {
  static final Validator VALIDATOR = Validator.create();
  static final String HEADER = "indicator,geoLevel,geoId,period,raceEthnicity,value,moe,numerator,"
      + "denominator,status";
  static final String ROW = "poverty-rate,county,24510,2022,,20.5,0.6,113766,554956,";

  @TempDir
  Path temp;

  /** A generated case: makes its input in a folder and returns the path to validate. */
  interface Maker {
    Path make(Path dir) throws IOException;
  }

  record Case(String name, Maker maker, String expected) {
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputHasItsExpectedOutcome() throws IOException {
    List<Case> cases = new ArrayList<>();
    Path corpus = Fixtures.resource("corpus");
    for (String line : Files.readAllLines(corpus.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] p = line.split("\t");
      Path file = corpus.resolve(p[0]);
      cases.add(new Case(p[0], dir -> Files.copy(file, dir.resolve(p[0])), p[1]));
    }
    cases.addAll(generated());
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " -> " + c.expected(),
        () -> check(c)));
  }

  private void check(Case c) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(c.name().replaceAll("[^A-Za-z0-9.-]", "_")));
    Path input = c.maker().make(dir);
    Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      try {
        return VALIDATOR.validate(input);
      } catch (UnreadableInputException e) {
        return e;
      }
    });
    if (outcome instanceof UnreadableInputException e) {
      assertThat(c.expected()).as("refused as unreadable: " + e.getMessage()).isEqualTo("unreadable");
      assertThat(e.getMessage()).as("one line").doesNotContain("\n").contains(input.toString());
      return;
    }
    ValidationReport r = (ValidationReport) outcome;
    assertThat(r.systemErrors()).as("system errors").isEmpty();
    StringWriter text = new StringWriter();
    ReportFormat.TEXT.write(r, text);
    ReportFormat.HTML.write(r, new StringWriter());
    switch (c.expected()) {
      case "unreadable" -> fail("expected the input to be refused, got:\n" + text);
      case "valid" -> assertThat(r.summary().errors()).as(text.toString()).isZero();
      default -> {
        assertThat(r.group(c.expected())).as("finding " + c.expected() + " in\n" + text).isNotNull();
        assertThat(r.group(c.expected()).examples().get(0).location().file())
            .as("located").isNotBlank();
        assertThat(r.valid()).isFalse();
      }
    }
  }

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static Path feed(Path dir) {
    return Fixtures.feedAround(Fixtures.resource("rules/_feed/geographies.csv")
        .resolveSibling("../REQUIRED_FIELD_MISSING/pass-all-present.csv").normalize(), dir);
  }

  static Path manifestEdit(Path dir, String from, String to) throws IOException {
    Path f = feed(dir);
    Path m = f.resolve("datapackage.json");
    String s = Files.readString(m);
    assertThat(s).contains(from);
    Files.writeString(m, s.replace(from, to));
    return f;
  }

  static void zip(Path zip, List<String> names, byte[] content) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (String n : names) {
        z.putNextEntry(new ZipEntry(n));
        z.write(content);
        z.closeEntry();
      }
    }
  }

  static void zipFeed(Path feed, Path zip, String prefix) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
         Stream<Path> s = Files.list(feed)) {
      for (Path p : s.toList()) {
        z.putNextEntry(new ZipEntry(prefix + p.getFileName()));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
    }
  }

  static List<Case> generated() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("missing-path", dir -> dir.resolve("no-such-feed"), "unreadable"));
    c.add(new Case("unknown-extension", dir -> write(dir, "observations.txt", "a,b\n"),
        "unreadable"));
    c.add(new Case("not-a-zip", dir -> write(dir, "feed.zip", "this is not a zip"), "unreadable"));
    c.add(new Case("zip-with-dot-dot-entry", dir -> {
      Path z = dir.resolve("evil.zip");
      zip(z, List.of("datapackage.json", "../../escape.csv"), "{}".getBytes());
      return z;
    }, "unreadable"));
    c.add(new Case("zip-with-absolute-entry", dir -> {
      Path z = dir.resolve("evil.zip");
      zip(z, List.of("/tmp/escape.csv"), "x".getBytes());
      return z;
    }, "unreadable"));
    c.add(new Case("zip-bomb-1000-to-1", dir -> {
      Path z = dir.resolve("bomb.zip");
      zip(z, List.of("observations.csv"), new byte[16 << 20]); // 16 MiB of zeros: ~1000:1
      assertThat(Files.size(z)).isLessThan(64 << 10);
      return z;
    }, "unreadable"));
    c.add(new Case("zip-too-many-entries", dir -> {
      Path z = dir.resolve("many.zip");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 10_001; i++) {
        names.add("f" + i + ".txt");
      }
      zip(z, names, new byte[0]);
      return z;
    }, "unreadable"));
    c.add(new Case("zip-of-a-valid-feed", dir -> {
      Path f = feed(Files.createDirectories(dir.resolve("feed")));
      Path z = dir.resolve("feed.zip");
      zipFeed(f, z, "my-feed/");
      return z;
    }, "valid"));
    c.add(new Case("datapackage-json-as-input", dir -> feed(dir).resolve("datapackage.json"),
        "valid"));
    c.add(new Case("folder-without-manifest", dir -> {
      write(dir, "observations.csv", HEADER + "\n" + ROW + "\n");
      return dir;
    }, "RESOURCE_MISSING"));
    c.add(new Case("manifest-points-outside", dir -> manifestEdit(dir,
        "\"path\": \"geographies.csv\"", "\"path\": \"../../../etc/passwd\""),
        "RESOURCE_PATH_UNSAFE"));
    c.add(new Case("manifest-absolute-path", dir -> manifestEdit(dir,
        "\"path\": \"geographies.csv\"", "\"path\": \"/etc/passwd\""), "RESOURCE_PATH_UNSAFE"));
    c.add(new Case("manifest-url-path", dir -> manifestEdit(dir,
        "\"path\": \"geographies.csv\"", "\"path\": \"https://example.org/g.csv\""),
        "RESOURCE_PATH_UNSAFE"));
    c.add(new Case("manifest-backslash-path", dir -> manifestEdit(dir,
        "\"path\": \"geographies.csv\"", "\"path\": \"..\\\\g.csv\""), "RESOURCE_PATH_UNSAFE"));
    c.add(new Case("symlink-out-of-the-feed", dir -> {
      Path outside = write(Files.createDirectories(dir.resolve("outside")), "secret.csv", "x\n");
      Path f = feed(Files.createDirectories(dir.resolve("feed")));
      Files.delete(f.resolve("geographies.csv"));
      Files.createSymbolicLink(f.resolve("geographies.csv"), outside);
      return f;
    }, "RESOURCE_PATH_UNSAFE"));
    c.add(new Case("missing-resource", dir -> {
      Path f = feed(dir);
      Files.delete(f.resolve("geographies.csv"));
      return f;
    }, "RESOURCE_MISSING"));
    c.add(new Case("wrong-checksum", dir -> manifestEdit(dir,
        "\"path\": \"geographies.csv\",", "\"path\": \"geographies.csv\", \"hash\": \"sha256:"
            + "0".repeat(64) + "\","), "RESOURCE_CHECKSUM_MISMATCH"));
    c.add(new Case("manifest-not-json", dir -> {
      Path f = feed(dir);
      write(f, "datapackage.json", "{ this is not json");
      return f;
    }, "JSON_SYNTAX_ERROR"));
    c.add(new Case("manifest-empty", dir -> {
      Path f = feed(dir);
      write(f, "datapackage.json", "");
      return f;
    }, "JSON_SYNTAX_ERROR"));
    c.add(new Case("manifest-duplicate-keys", dir -> manifestEdit(dir, "\"name\": \"test-feed\",",
        "\"name\": \"test-feed\", \"name\": \"other\","), "DUPLICATE_JSON_KEY"));
    c.add(new Case("manifest-10000-deep", dir -> {
      Path f = feed(dir);
      write(f, "datapackage.json", "[".repeat(10_000) + "]".repeat(10_000));
      return f;
    }, "JSON_NESTING_TOO_DEEP"));
    c.add(new Case("manifest-invalid-utf8", dir -> {
      Path f = feed(dir);
      Files.write(f.resolve("datapackage.json"), new byte[] {'{', '"', (byte) 0xff, '"', '}'});
      return f;
    }, "ENCODING_INVALID"));
    c.add(new Case("indicators-not-json", dir -> {
      Path f = feed(dir);
      write(f, "indicators.json", "{\"indicators\": [");
      return f;
    }, "JSON_SYNTAX_ERROR"));
    c.add(new Case("geographies-unterminated-quote", dir -> {
      Path f = feed(dir);
      write(f, "geographies.csv", "geoId,geoName,parentGeoId,tracts\ncanton,\"Canton,24510,\n");
      return f;
    }, "CSV_SYNTAX_ERROR"));
    c.add(new Case("csv-10mb-field", dir -> {
      Path p = dir.resolve("observations.csv");
      Files.writeString(p, HEADER + ",note\n" + ROW + ",\"" + "x".repeat(10 << 20) + "\"\n" + ROW
          .replace("2022", "2021") + ",\n");
      return p;
    }, "FIELD_TOO_LARGE"));
    c.add(new Case("csv-20mb-unquoted-field", dir -> {
      Path p = dir.resolve("observations.csv");
      Files.writeString(p, HEADER + ",note\n" + ROW + "," + "y".repeat(20 << 20) + "\n");
      return p;
    }, "FIELD_TOO_LARGE"));
    c.add(new Case("ndjson-10mb-line", dir -> {
      Path p = dir.resolve("observations.ndjson");
      Files.writeString(p, "{\"indicator\":\"poverty-rate\",\"note\":\"" + "z".repeat(10 << 20)
          + "\"}\n{\"indicator\":\"poverty-rate\",\"geoLevel\":\"county\",\"geoId\":\"24510\","
          + "\"period\":\"2022\",\"value\":1}\n");
      return p;
    }, "ROW_TOO_LARGE"));
    c.add(new Case("ndjson-10000-deep", dir -> write(dir, "observations.ndjson",
        "{\"x-a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n"), "JSON_NESTING_TOO_DEEP"));
    c.add(new Case("json-10000-deep", dir -> write(dir, "observations.json",
        "[".repeat(10_000) + "]".repeat(10_000)), "JSON_NESTING_TOO_DEEP"));
    c.add(new Case("csv-100k-ragged-rows", dir -> {
      StringBuilder sb = new StringBuilder(HEADER).append('\n');
      for (int i = 0; i < 100_000; i++) {
        sb.append("poverty-rate,county,24510\n");
      }
      return write(dir, "observations.csv", sb.toString());
    }, "ROW_LENGTH_MISMATCH"));
    c.add(new Case("csv-random-binary", dir -> {
      byte[] b = new byte[3 << 20];
      new java.util.Random(3).nextBytes(b);
      byte[] h = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
      System.arraycopy(h, 0, b, 0, h.length);
      return Files.write(dir.resolve("observations.csv"), b);
    }, "ENCODING_INVALID"));
    c.add(new Case("ndjson-random-binary", dir -> {
      byte[] b = new byte[3 << 20];
      new java.util.Random(4).nextBytes(b);
      return Files.write(dir.resolve("observations.ndjson"), b);
    }, "JSON_SYNTAX_ERROR"));
    return c;
  }
}
