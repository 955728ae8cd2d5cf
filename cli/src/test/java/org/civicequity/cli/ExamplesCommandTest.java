package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.civicequity.cli.CivicEquityTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of examples/baltimore/run.sh and examples/acs-counties/run.sh, run as the scripts
 * run them (same mapping files, same real inputs, same options): both convert without errors,
 * publish, and the published feeds validate.
 */
class ExamplesCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path REAL = EXAMPLES.resolve("data/real");

  @TempDir
  Path temp;

  private void publishAndValidate(Path source, Path feed) {
    Run p = CivicEquityTest.run("publish", source.toString(), "--out", feed.toString(), "--issued", "2024-05-01");
    assertThat(p.exitCode()).as(p.err() + p.out()).isEqualTo(ExitCode.OK);
    Run v = CivicEquityTest.run("validate", feed.toString());
    assertThat(v.exitCode()).as(v.out()).isEqualTo(ExitCode.OK);
  }

  @Test
  void baltimore() {
    Path source = temp.resolve("balt/source");
    Run c = CivicEquityTest.run("convert", REAL.resolve("bnia-vs-violent-crime.csv").toString(),
        REAL.resolve("bnia-vs-liquor-outlets.csv").toString(),
        REAL.resolve("bnia-vs-derived-csa-heat-demographics.csv").toString(),
        "--mapping", EXAMPLES.resolve("baltimore/mapping.json").toString(), "--out", source.toString());
    assertThat(c.exitCode()).as(c.err() + c.out()).isEqualTo(ExitCode.OK);
    assertThat(c.err()).contains("7645 observations of 118 indicators in 55 custom areas").contains("0 conversion errors");
    publishAndValidate(source, temp.resolve("balt/feed"));
  }

  @Test
  void acsCounties() {
    Path source = temp.resolve("acs/source");
    Run c = CivicEquityTest.run("convert", REAL.resolve("acs1-2019-county-race-moe.csv").toString(),
        "--mapping", EXAMPLES.resolve("acs-counties/mapping.json").toString(), "--out", source.toString());
    assertThat(c.exitCode()).as(c.err()).isEqualTo(ExitCode.OK);
    assertThat(c.err()).contains("0 conversion errors").contains("validation: valid");
    publishAndValidate(source, temp.resolve("acs/feed"));
  }
}
