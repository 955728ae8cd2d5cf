package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicequity.cli.CivicEquityTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civic-equity convert}: real BNIA file through the recipe, located errors, exit codes. */
class ConvertCommandTest {
  static final Path REAL = Path.of("..", "examples", "data", "real");

  @TempDir
  Path temp;

  @Test
  void convertsTheRealViolentCrimeFileWithTheRecipe() throws Exception {
    Path out = temp.resolve("source");
    // the recipe and the feed metadata of the example (publisher name and email: publish needs them)
    Run r = CivicEquityTest.run("convert", REAL.resolve("bnia-vs-violent-crime.csv").toString(),
        "--mapping", Path.of("..", "examples", "baltimore", "violent-crime-feed.mapping.json").toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).doesNotContain("publish would refuse");
    assertThat(r.err()).contains("660 observations of 1 indicators in 55 custom areas");
    for (String f : new String[] {"datapackage.json", "indicators.json", "observations.csv", "geographies.csv",
        "validation-report.json"}) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    assertThat(Files.readAllLines(out.resolve("observations.csv"))).hasSize(661);
  }

  /** A folder that publish would refuse (no publisher contact) is not reported valid by convert. */
  @Test
  void convertAndPublishAgreeOnTheMissingPublisher() throws Exception {
    Path out = temp.resolve("source");
    Run r = CivicEquityTest.run("convert", REAL.resolve("bnia-vs-violent-crime.csv").toString(),
        "--mapping", "recipe:bnia-vital-signs", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(ExitCode.INVALID);
    String line = "datapackage.json needs civicEquity.publisher.email, a contact address";
    assertThat(r.out()).contains("publish would refuse this folder: " + line)
        .contains("publish would refuse this folder: datapackage.json needs civicEquity.publisher.name");
    assertThat(r.err()).contains("not publishable: 2 metadata problem(s)");
    Run p = CivicEquityTest.run("publish", out.toString(), "--out", temp.resolve("feed").toString());
    assertThat(p.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(p.out() + p.err()).contains(line);
  }

  @Test
  void mappingErrorsAreLocatedInTheMappingFile() throws Exception {
    Path mapping = temp.resolve("mapping.json");
    Files.writeString(mapping, "{\n  \"layout\": \"wide\",\n  \"wide\": {\"columns\": [{\"pattern\": \"([a-z\"}]},\n"
        + "  \"fields\": {\"geoId\": \"CSA2010\"}\n}\n");
    Run r = CivicEquityTest.run("convert", REAL.resolve("bnia-vs-violent-crime.csv").toString(),
        "--mapping", mapping.toString(), "--out", temp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.err()).contains(mapping + ":3:").contains("/wide/columns/0/pattern")
        .contains("not a valid regular expression");
  }

  @Test
  void conversionErrorsPointAtTheUsersCell() throws Exception {
    Path csv = temp.resolve("vs.csv");
    Files.writeString(csv, "CSA2010,viol19,zzfoo19\nCanton,1.5,2\nCanton,n/a!,3\n");
    Run r = CivicEquityTest.run("convert", csv.toString(), "--mapping", "recipe:bnia-vital-signs",
        "--out", temp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.out()).contains("UNKNOWN_INDICATOR_CODE vs.csv:1 (zzfoo19)")
        .contains("NOT_A_NUMBER vs.csv:3 (row 2, viol19)");
  }

  @Test
  void validationFindingsPointAtTheUsersFileRowAndColumn() throws Exception {
    Path csv = temp.resolve("acs.csv");
    Files.writeString(csv, "GEO_ID,NAME,B19013_001E,B19013_001M\n0500000US24510,Baltimore city,52164,1232\n"
        + "0500000US24005,Baltimore County,-5,1000\n");
    Run r = CivicEquityTest.run("convert", csv.toString(), "--mapping", "recipe:acs-table",
        "--constant", "period=2019", "--out", temp.resolve("o").toString(), "--format", "json");
    assertThat(r.out()).contains("\"file\" : \"acs.csv\"").contains("\"row\" : 2").contains("\"line\" : 3");
  }

  @Test
  void misuseAndUnreadableInput() {
    assertThat(CivicEquityTest.run("convert", "x.csv", "--out", "o").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CivicEquityTest.run("convert", "x.csv", "--mapping", "recipe:acs-table", "--out", "o",
        "--constant", "nofield=1").exitCode()).isEqualTo(ExitCode.USAGE);
    Run r = CivicEquityTest.run("convert", temp.resolve("missing.csv").toString(), "--mapping", "recipe:acs-table",
        "--out", temp.resolve("o").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void aLegacyXlsWorkbookAndAnOutputFolderBlockedByAFileAreOneLineEach() throws Exception {
    // an Excel 97-2003 workbook starts with the OLE2 signature; read as CSV it looked like bad UTF-8
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    for (String name : List.of("table.xls", "table.xlsx", "table.csv")) {
      Path xls = temp.resolve(name);
      Files.write(xls, ole2);
      Run r = CivicEquityTest.run("convert", xls.toString(), "--mapping", "recipe:acs-table",
          "--out", temp.resolve("o-" + name).toString());
      assertThat(r.exitCode()).as(name).isEqualTo(ExitCode.UNREADABLE);
      assertThat(r.err()).as(name).contains(name + ": an Excel 97-2003 workbook (.xls), which convert does not read")
          .doesNotContain("UTF-8").doesNotContain("POI").doesNotContain("\tat ");
      assertThat(r.err().strip().lines()).as(name).hasSize(1);
      assertThat(temp.resolve("o-" + name)).doesNotExist();
    }
    Path csv = temp.resolve("acs.csv");
    Files.writeString(csv, "GEO_ID,NAME,B19013_001E,B19013_001M\n0500000US24510,Baltimore city,52164,1232\n");
    Path blocker = temp.resolve("blocker");
    Files.writeString(blocker, "a file where the folder should go");
    Run r = CivicEquityTest.run("convert", csv.toString(), "--mapping", "acs-table", "--constant", "period=2019",
        "--out", blocker.resolve("source").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(r.err()).contains("cannot write " + blocker.resolve("source")).contains("a file is in the way");
  }
}
