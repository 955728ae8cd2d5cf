package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CivicEquityTest {

  /** The outcome of one run: exit code and captured streams. */
  record Run(int exitCode, String out, String err) {
  }

  static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(CivicEquity.newCommandLine(), args);
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Run r = run("--help");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Usage: civic-equity", "init", "Exit codes:",
        "2   the command was misused");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionNamesTheBuildAndTheStandard() {
    Run r = run("--version");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("civic-equity " + CivicEquity.version() + " (Civic Equity Indicators standard 1.0)");
    assertThat(CivicEquity.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void noCommandIsMisuse() {
    Run r = run();
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("civic-equity: no command given").contains("Usage:");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    Run r = run("--frobnicate");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).containsExactly(
        "civic-equity: Unknown option: '--frobnicate' (try 'civic-equity --help')");
    assertThat(r.err()).doesNotContain("at org.", "at picocli.", "Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownOptionOfASubcommandNamesTheSubcommand() {
    Run r = run("init", "somewhere", "--overwrite");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("civic-equity init: Unknown option: '--overwrite'")
        .contains("try 'civic-equity init --help'").doesNotContain("at org.");
  }

  @Test
  void unknownCommandIsOneLineWithASuggestion() {
    Run r = run("inti", "x");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("civic-equity: unknown command 'inti'; did you mean 'init'?")
        .endsWith("(try 'civic-equity --help')" + System.lineSeparator());
  }

  @Test
  void missingParameterIsMisuse() {
    Run r = run("init");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).containsExactly(
        "civic-equity init: Missing required parameter: '<dir>' (try 'civic-equity init --help')");
  }

  @Test
  void verboseIsAcceptedEverywhere() {
    assertThat(run("--verbose", "--help").exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run("init", "--verbose", "--help").exitCode()).isEqualTo(ExitCode.OK);
  }

  /** A command that fails in the ways a real command can, to exercise the exception handler. */
  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    @CommandLine.Parameters(index = "0") String kind;

    @Override
    public Integer call() throws Exception {
      switch (kind) {
        case "bug" -> throw new IllegalStateException("the impossible happened");
        case "io" -> throw new java.nio.file.NoSuchFileException("feed/observations.csv");
        case "invalid" -> throw new CommandFailure(ExitCode.INVALID, "2 errors in feed/");
        default -> {
          return 0;
        }
      }
    }
  }

  private static CommandLine withFailing() {
    CommandLine cl = CivicEquity.newCommandLine();
    cl.addSubcommand(new Failing());
    return cl;
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorOnOneLine() {
    Run r = run(withFailing(), "fail", "bug");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(r.err().lines()).containsExactly("civic-equity fail: internal error: "
        + "IllegalStateException: the impossible happened "
        + "(please report it; run again with --verbose for the details)");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run r = run(withFailing(), "--verbose", "fail", "bug");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(r.err()).contains("internal error", "java.lang.IllegalStateException",
        "at org.civicequity.cli.CivicEquityTest$Failing.call");
    Run sub = run(withFailing(), "fail", "bug", "--verbose");
    assertThat(sub.err()).contains("at org.civicequity.cli.CivicEquityTest$Failing.call");
  }

  @Test
  void ioFailuresExitThree() {
    Run r = run(withFailing(), "fail", "io");
    assertThat(r.exitCode()).isEqualTo(ExitCode.UNREADABLE);
    assertThat(r.err().lines()).containsExactly(
        "civic-equity fail: cannot read or write a file: NoSuchFileException: feed/observations.csv");
  }

  @Test
  void aCommandFailureCarriesItsExitCode() {
    Run r = run(withFailing(), "fail", "invalid");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.err().lines()).containsExactly("civic-equity fail: 2 errors in feed/");
  }
}
