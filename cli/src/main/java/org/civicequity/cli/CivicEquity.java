package org.civicequity.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code civic-equity} command line: the entry point of the runnable jar. */
@Command(name = "civic-equity", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = "Validate, convert, publish and compare Civic Equity Indicators feeds.",
    subcommands = {CommandLine.HelpCommand.class})
public final class CivicEquity implements Callable<Integer> {

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * A configured command line, for tests and embedding.
   *
   * @return the picocli command line with the exit-code and error handlers installed
   */
  public static CommandLine newCommandLine() {
    return new CommandLine(new CivicEquity());
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CivicEquity.class.getPackage().getImplementationVersion();
      return new String[] {"civic-equity " + (v == null ? "1.0.0-SNAPSHOT" : v)
          + " (Civic Equity Indicators standard 1.0)"};
    }
  }
}
