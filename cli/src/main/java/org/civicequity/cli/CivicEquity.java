package org.civicequity.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.civicequity.cli.internal.OneLineErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code civic-equity} command line: the entry point of the runnable jar.
 *
 * <p>Subcommands are listed in the {@code subcommands} attribute below, one class each; adding a
 * command means adding its class there. Errors never end in a stack trace: a misuse prints one
 * line and exits with {@link ExitCode#USAGE}, any other failure prints one line and exits with the
 * code of {@link ExitCode} that fits it (the stack trace only with {@code --verbose}).
 */
@Command(name = "civic-equity", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = "Validate, convert, publish and compare Civic Equity Indicators feeds.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:valid (warnings allowed), or the command succeeded",
        "1:invalid (or warnings with --strict)",
        "2:the command was misused (unknown option or command, bad argument)",
        "3:the input could not be read (or an output could not be written)",
        "4:internal error (please report it, with the output of --verbose)"},
    footer = {"", "Run 'civic-equity COMMAND --help' for the options of a command."},
    subcommands = {
        // Keep this list in the order of the --help listing; add new commands here.
        ValidateCommand.class, RulesCommand.class, ConvertCommand.class, PublishCommand.class,
        InitCommand.class, CompareCommand.class,
        CommandLine.HelpCommand.class})
public final class CivicEquity implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  /** Shown in every command's help; read by the error handler from the parse result. */
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "on errors, print the stack trace too")
  private boolean verbose;

  /** Instances are made by picocli. */
  CivicEquity() {
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * A configured command line, for tests and embedding: the one-line error handlers are installed
   * and output goes to the command line's {@code getOut()} / {@code getErr()} writers (replace them
   * with {@code setOut}/{@code setErr} to capture it).
   *
   * @return a new picocli command line
   */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new CivicEquity());
    OneLineErrors errors = new OneLineErrors();
    cl.setParameterExceptionHandler(errors);
    cl.setExecutionExceptionHandler(errors);
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  /**
   * Without a command there is nothing to do: print the usage on standard error.
   *
   * @return {@link ExitCode#USAGE}
   */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("civic-equity: no command given");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /**
   * The version of this build and of the standard it implements.
   *
   * @return the version string, e.g. {@code 1.0.0}
   */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = CivicEquity.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the civic-equity jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /** Reports the version of this build, the standard and the Java runtime. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
          "civic-equity " + version() + " (Civic Equity Indicators standard 1.0)",
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
