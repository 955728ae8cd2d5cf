package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.civicequity.cli.CivicEquityTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code civic-equity compare} on the minimal example feed and a copy of it moved to another
 * county: exact output columns, exit codes for skipped members, misuse and unreadable registries.
 */
class CompareCommandTest {
  static final Path MINIMAL = Path.of("..", "examples", "feeds", "minimal");

  @TempDir
  Path temp;

  /** A copy of the minimal feed for Baltimore County (24005), with its checksums fixed. */
  Path county() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("county"));
    try (Stream<Path> s = Files.list(MINIMAL)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path obs = dir.resolve("observations.csv");
    Files.writeString(obs, Files.readString(obs).replace("24510", "24005")
        .replace("Baltimore city, Maryland", "Baltimore County, Maryland")
        .replace(",24.9,0.9,", ",12.1,1.1,"), StandardCharsets.UTF_8);
    ValidateCommandTest.rewriteChecksums(dir);
    return dir;
  }

  @Test
  void comparesTwoFeedsIntoExactFiles() throws IOException {
    Path out = temp.resolve("out");
    Run r = CivicEquityTest.run("compare", MINIMAL.toString(), county().toString(), "--out",
        out.toString(), "--parquet");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).contains("compare: 2 of 2 members harvested, 0 skipped");
    assertThat(Files.readAllLines(out.resolve("comparison.csv")).get(0)).isEqualTo(
        "indicator,period,geoLevel,jurisdiction,geoId,group,value,moe,referenceGroup,"
            + "referenceValue,ratio,difference,z,significant");
    assertThat(Files.readAllLines(out.resolve("summary.csv")).get(0)).isEqualTo(
        "indicator,period,jurisdiction,indexOfDisparity,betweenGroupVariance,theil,"
            + "meanLogDeviation,rank");
    assertThat(Files.readString(out.resolve("comparison.csv")))
        .contains("poverty-rate,2018/2022,county,\"Baltimore County, Maryland\",24005,black-alone,12.1,1.1,"
            + "white-alone-nh,11,");
    for (String f : List.of("comparison.json", "summary.json", "not-compared.csv", "members.csv",
        "index.html", "federation.duckdb", "parquet/observations.parquet", "parquet/comparison.parquet")) {
      assertThat(out.resolve(f)).as(f).isRegularFile();
    }
  }

  @Test
  void skippedMemberGivesExitOneAndItsReason() throws IOException {
    Path fed = temp.resolve("federation.json");
    Path minimal = MINIMAL.toAbsolutePath().normalize();
    Files.writeString(fed, """
        {"id": "test", "name": "Test federation",
         "members": [
           {"id": "city", "publisher": "Baltimore City", "location": "%s"},
           {"id": "county", "publisher": "Baltimore County", "location": "county"},
           {"id": "bad", "publisher": "Nobody", "location": "county", "sha256": "%s"}],
         "indicators": ["poverty-rate"]}""".formatted(
        temp.relativize(minimal).toString().replace('\\', '/'), "0".repeat(64)));
    county();
    Path out = temp.resolve("out");
    Run r = CivicEquityTest.run("compare", fed.toString(), "--out", out.toString(), "--format", "csv");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INVALID);
    assertThat(r.err()).contains("compare: bad: SKIPPED: SHA-256 mismatch");
    assertThat(Files.readString(out.resolve("summary.csv"))).doesNotContain("median-household-income");
    assertThat(out.resolve("index.html")).doesNotExist();
  }

  @Test
  void misuseAndUnreadableInput() throws IOException {
    assertThat(CivicEquityTest.run("compare", MINIMAL.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    Run badFormat = CivicEquityTest.run("compare", MINIMAL.toString(), "--out",
        temp.resolve("o").toString(), "--format", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badFormat.err()).contains("unknown format 'xml'");
    Run badBy = CivicEquityTest.run("compare", MINIMAL.toString(), "--out",
        temp.resolve("o").toString(), "--by", "shoeSize");
    assertThat(badBy.exitCode()).isEqualTo(ExitCode.USAGE);
    Path broken = temp.resolve("broken.json");
    Files.writeString(broken, "{\"id\": \"x\"");
    Run unreadable = CivicEquityTest.run("compare", broken.toString(), "--out", temp.resolve("o").toString());
    assertThat(unreadable.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(unreadable.err()).contains("broken.json:1:").doesNotContain("Exception");
    Run nothing = CivicEquityTest.run("compare", temp.resolve("nowhere").toString(), "--out",
        temp.resolve("o2").toString());
    assertThat(nothing.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(nothing.err()).contains("SKIPPED: no such file or directory", "no member could be harvested");
  }
}
