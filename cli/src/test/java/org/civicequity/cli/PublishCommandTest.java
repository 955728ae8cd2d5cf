package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicequity.cli.CivicEquityTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civic-equity publish}: publishes a converted folder, refuses invalid sources, exit codes. */
class PublishCommandTest {
  @TempDir
  Path temp;

  private Path source() throws Exception {
    Path mapping = temp.resolve("mapping.json");
    Files.writeString(mapping, """
        {"extends": "recipe:bnia-vital-signs",
         "feed": {"name": "baltimore-test", "title": "Baltimore test", "license": "CC-BY-4.0",
           "publisher": {"name": "Test", "email": "t@example.org",
             "jurisdiction": {"geoLevel": "county", "geoId": "24510", "name": "Baltimore city, Maryland"}}}}
        """);
    Path out = temp.resolve("source");
    Run r = CivicEquityTest.run("convert", ConvertCommandTest.REAL.resolve("bnia-vs-liquor-outlets.csv").toString(),
        "--mapping", mapping.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    return out;
  }

  @Test
  void publishesAndIsDeterministic() throws Exception {
    Path src = source();
    Path a = temp.resolve("a/feed");
    Run r = CivicEquityTest.run("publish", src.toString(), "--out", a.toString(), "--issued", "2024-05-01");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Published 605 observations of 1 indicators");
    Path b = temp.resolve("b/feed");
    assertThat(CivicEquityTest.run("publish", src.toString(), "--out", b.toString(), "--issued", "2024-05-01")
        .exitCode()).isEqualTo(ExitCode.OK);
    for (String f : List.of("observations.csv", "observations.ndjson", "datapackage.json", "data.json", "index.html")) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    Run v = CivicEquityTest.run("validate", a.toString());
    assertThat(v.exitCode()).as(v.out()).isEqualTo(ExitCode.OK);
    Run changes = CivicEquityTest.run("publish", src.toString(), "--out", temp.resolve("c/feed").toString(),
        "--issued", "2024-06-01", "--previous", a.toString());
    assertThat(changes.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(temp.resolve("c/feed/CHANGES.json")).isRegularFile();
  }

  @Test
  void versionFollowsThePreviousAndAStatedVersionNotHigherIsRefused() throws Exception {
    Path src = source();
    Path manifest = src.resolve("datapackage.json");
    String unversioned = Files.readString(manifest);
    Files.writeString(manifest, unversioned.replaceFirst("\\{", "{\"version\": \"1.2.0\","));
    Path a = temp.resolve("a/feed");
    Run first = CivicEquityTest.run("publish", src.toString(), "--out", a.toString(), "--issued", "2024-05-01");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(a.resolve("datapackage.json"))).containsPattern("\"version\" ?: \"1.2.0\"");

    // the source still states 1.2.0: not higher than the previous feed's, refused in one line
    Path b = temp.resolve("b/feed");
    Run refused = CivicEquityTest.run("publish", src.toString(), "--out", b.toString(), "--issued", "2024-06-01",
        "--previous", a.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(refused.err()).isEqualTo("publish: refused: the source states version 1.2.0, which is not higher "
        + "than the previous feed's 1.2.0; raise it, or remove `version` from datapackage.json to get 1.2.1 "
        + "(a patch bump: nothing changed)" + System.lineSeparator());
    assertThat(refused.out()).isEmpty();
    assertThat(b).doesNotExist();

    // without a stated version it is derived: nothing changed, a patch bump
    Files.writeString(manifest, unversioned);
    Run bumped = CivicEquityTest.run("publish", src.toString(), "--out", b.toString(), "--issued", "2024-06-01",
        "--previous", a.toString());
    assertThat(bumped.exitCode()).as(bumped.err()).isEqualTo(ExitCode.OK);
    assertThat(bumped.out()).contains("Version 1.2.1 (patch change since 1.2.0): Nothing changed.");
    assertThat(Files.readString(b.resolve("CHANGES.json"))).contains("\"bump\"", "\"patch\"");
  }

  @Test
  void refusesInvalidSourcesWithTheReport() throws Exception {
    Path src = source();
    Path obs = src.resolve("observations.csv");
    List<String> lines = Files.readAllLines(obs);
    lines.set(2, lines.get(2).replace(",custom,", ",tract,"));
    Files.write(obs, lines);
    Path feed = temp.resolve("feed");
    Run r = CivicEquityTest.run("publish", src.toString(), "--out", feed.toString(), "--issued", "2024-05-01");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.out()).contains("GEOID_LENGTH_MISMATCH").contains("observations.csv");
    assertThat(r.err()).contains("publish: refused");
    assertThat(feed).doesNotExist();
  }

  @Test
  void misuse() throws Exception {
    Path src = source();
    assertThat(CivicEquityTest.run("publish", src.toString(), "--out", temp.resolve("f").toString(),
        "--issued", "May 1").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CivicEquityTest.run("publish", src.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CivicEquityTest.run("publish", temp.resolve("nothing").toString(), "--out",
        temp.resolve("f").toString()).exitCode()).isEqualTo(ExitCode.UNREADABLE);
  }

  @Test
  void aFileWhereTheFeedsParentFolderShouldBeIsOneLineSayingSo() throws Exception {
    Path src = source();
    Path blocker = temp.resolve("site");
    Files.writeString(blocker, "a file where the folder should go");
    Run r = CivicEquityTest.run("publish", src.toString(), "--out", blocker.resolve("feed").toString(),
        "--issued", "2024-05-01");
    assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(r.err().strip()).startsWith("civic-equity publish: ").contains(blocker.toString())
        .contains("a file is in the way").endsWith("(the previous feed, if any, is unchanged)");
    assertThat(r.err().strip().lines()).hasSize(1);
  }
}
