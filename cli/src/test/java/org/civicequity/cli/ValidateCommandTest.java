package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.civicequity.cli.CivicEquityTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code civic-equity validate} on the minimal example feed and on mutated copies of it (built
 * in a temporary folder): each mutation gives its documented code and exit code.
 */
class ValidateCommandTest {
  static final Path MINIMAL = Path.of("..", "examples", "feeds", "minimal");
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir
  Path temp;

  static Run run(String... args) {
    return CivicEquityTest.run(args);
  }

  /** A copy of the minimal feed with observations.csv changed; the manifest's checksums follow. */
  Path mutated(String name, UnaryOperator<List<String>> change, boolean fixChecksums)
      throws IOException {
    Path dir = temp.resolve(name);
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(MINIMAL)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path obs = dir.resolve("observations.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(obs, StandardCharsets.UTF_8));
    Files.write(obs, change.apply(lines), StandardCharsets.UTF_8);
    if (fixChecksums) {
      rewriteChecksums(dir);
    }
    return dir;
  }

  static void rewriteChecksums(Path dir) throws IOException {
    Path m = dir.resolve("datapackage.json");
    ObjectNode manifest = (ObjectNode) MAPPER.readTree(m.toFile());
    for (JsonNode r : manifest.get("resources")) {
      Path f = dir.resolve(r.get("path").asString());
      if (Files.isRegularFile(f)) {
        byte[] b = Files.readAllBytes(f);
        ((ObjectNode) r).put("bytes", b.length);
        ((ObjectNode) r).put("hash", "sha256:" + sha256(b));
      }
    }
    Files.writeString(m, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest),
        StandardCharsets.UTF_8);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first data line that matches, changed by a function of its cells. */
  static UnaryOperator<List<String>> row(String startsWith, UnaryOperator<String[]> cells) {
    return lines -> {
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).startsWith(startsWith)) {
          String[] c = lines.get(i).split(",", -1);
          lines.set(i, String.join(",", cells.apply(c)));
          return lines;
        }
      }
      throw new IllegalStateException("no row starts with " + startsWith);
    };
  }

  @Test
  void theMinimalExampleIsValid() {
    Run r = run("validate", MINIMAL.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("civic-equity ").contains("VALID:");
    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.OK);
  }

  @Test
  void aLostLeadingZeroIsGeoIdLengthMismatch() throws IOException {
    // a tract GEOID read as a number by a spreadsheet: one digit short
    Path feed = mutated("leading-zero", row("poverty-rate,tract,", c -> {
      c[2] = c[2].substring(1);
      return c;
    }), true);
    Run r = run("validate", feed.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.out()).contains("ERROR GEOID_LENGTH_MISMATCH (1)")
        .contains("a leading zero was probably lost in a spreadsheet");
  }

  @Test
  void aPercentOf140IsValueOutOfRange() throws IOException {
    Path feed = mutated("percent-140", row("poverty-rate,tract,", c -> {
      c[c.length - 6] = "140";
      return c;
    }), true);
    Run r = run("validate", feed.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(codes(r.out())).contains("VALUE_OUT_OF_RANGE");
  }

  @Test
  void aDuplicatedRowIsDuplicateObservation() throws IOException {
    Path feed = mutated("duplicate", lines -> {
      lines.add(lines.get(1));
      return lines;
    }, true);
    Run r = run("validate", feed.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(codes(r.out())).contains("DUPLICATE_OBSERVATION");
  }

  @Test
  void aNumeratorAboveItsDenominatorIsReported() throws IOException {
    Path feed = mutated("swapped", row("poverty-rate,tract,", c -> {
      String n = c[c.length - 4];
      c[c.length - 4] = c[c.length - 3];
      c[c.length - 3] = n;
      return c;
    }), true);
    Run r = run("validate", feed.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(codes(r.out())).contains("NUMERATOR_EXCEEDS_DENOMINATOR");
  }

  @Test
  void aBrokenChecksumIsResourceChecksumMismatch() throws IOException {
    Path feed = mutated("checksum", lines -> {
      lines.add(lines.get(lines.size() - 1).replace("2018/2022", "2017/2021"));
      return lines;
    }, false);
    Run r = run("validate", feed.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(codes(r.out())).contains("RESOURCE_CHECKSUM_MISMATCH");
  }

  @Test
  void aPathOutOfTheFeedIsRefused() throws IOException {
    Path feed = mutated("dot-dot", lines -> lines, true);
    Path m = feed.resolve("datapackage.json");
    Files.writeString(m, Files.readString(m).replace("\"path\": \"observations.csv\"",
        "\"path\": \"../observations.csv\"").replace("\"path\" : \"observations.csv\"",
        "\"path\" : \"../observations.csv\""));
    Files.writeString(temp.resolve("observations.csv"), "secret,data\n");
    Run r = run("validate", feed.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(codes(r.out())).contains("RESOURCE_PATH_UNSAFE");
    assertThat(r.out()).doesNotContain("secret");
  }

  @Test
  void strictMakesWarningsInvalid() throws IOException {
    Path feed = mutated("unreliable", row("poverty-rate,tract,", c -> {
      c[c.length - 5] = c[c.length - 6]; // moe = value: CV above 30%
      return c;
    }), true);
    assertThat(run("validate", feed.toString()).exitCode()).isEqualTo(ExitCode.OK);
    Run strict = run("validate", feed.toString(), "--strict");
    assertThat(strict.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(strict.out()).contains("UNRELIABLE_ESTIMATE");
  }

  @Test
  void aRulesFileSwitchesRulesOffAndUnknownCodesAreMisuse() throws IOException {
    Path feed = mutated("off", row("poverty-rate,tract,", c -> {
      c[c.length - 6] = "140";
      return c;
    }), true);
    Path rules = Files.writeString(temp.resolve("rules.txt"),
        "# our data uses a special scale\nVALUE_OUT_OF_RANGE=off\nVALUE_INCONSISTENT_WITH_FRACTION=off\n"
        + "UNRELIABLE_ESTIMATE=off\n");
    Run r = run("validate", feed.toString(), "--rules", rules.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("\"code\" : \"VALUE_OUT_OF_RANGE\"").contains("switched off");
    Files.writeString(rules, "NOT_A_RULE=off\n");
    Run bad = run("validate", feed.toString(), "--rules", rules.toString());
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err().lines()).hasSize(1).allMatch(l -> l.contains("rules.txt:1")
        && l.contains("NOT_A_RULE"));
  }

  @Test
  void misuseAndUnreadableInputAreOneLine() {
    Run format = run("validate", MINIMAL.toString(), "--format", "pdf");
    assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(format.err().lines()).hasSize(1);
    Run missing = run("validate", temp.resolve("no-such-feed").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(missing.err().lines()).hasSize(1).allMatch(l -> l.contains("no such file"));
    Run none = run("validate");
    assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void writesEveryFormatToAFile() throws IOException {
    for (String f : List.of("text", "json", "html", "sarif")) {
      Path out = temp.resolve("report." + f);
      Run r = run("validate", MINIMAL.toString(), "--format", f, "--output", out.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("report written to");
      assertThat(Files.size(out)).isPositive();
    }
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // the report has the permissions of any new file (the umask), not a temp file's 0600
      Path plain = Files.createFile(temp.resolve("plain.txt"));
      assertThat(Files.getPosixFilePermissions(temp.resolve("report.json")))
          .isEqualTo(Files.getPosixFilePermissions(plain));
    }
    JsonNode sarif = MAPPER.readTree(temp.resolve("report.sarif").toFile());
    assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
  }

  @Test
  void rulesPrintsTheReference() {
    Run r = run("rules");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("# Validation rules").contains("### GEOID_LENGTH_MISMATCH")
        .contains("### SUPPRESSION_RECOVERABLE");
  }

  static List<String> codes(String json) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode g : MAPPER.readTree(json).get("findings")) {
      out.add(g.get("code").asString());
    }
    return out;
  }

  @Test
  void aBugInARuleIsExitCodeFourWithASystemErrorAndNoStackTrace() throws IOException {
    // a rule pack on the class path (found through ServiceLoader) whose rule throws
    Path services = temp.resolve("pack/META-INF/services/org.civicequity.validate.RulePack");
    Files.createDirectories(services.getParent());
    Files.writeString(services, FailingRulePack.class.getName() + "\n");
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    Run r;
    Path json = temp.resolve("report.json");
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {temp.resolve("pack").toUri().toURL()}, before)) {
      t.setContextClassLoader(loader);
      r = run("validate", MINIMAL.toString(), "--format", "json", "--output", json.toString());
    } finally {
      t.setContextClassLoader(before);
    }
    assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.INTERNAL);
    assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(r.err()).contains("INVALID");
    JsonNode report = MAPPER.readTree(json.toFile());
    assertThat(report.path("systemErrors").size()).isEqualTo(1);
    assertThat(report.path("systemErrors").get(0).path("message").asString())
        .contains("rule X_PLANTED_BUG failed").contains("planted bug in a third-party rule");
    // the other rules ran to the end: the minimal feed's rows were all validated
    assertThat(report.path("summary").path("rows").asLong()).isEqualTo(30);
  }
}
