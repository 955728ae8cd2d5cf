package org.civicequity.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.civicequity.cli.CommandFailure;
import org.civicequity.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error of the command line into one line on standard error and an exit code:
 * misuse (picocli's parameter exceptions) into {@link ExitCode#USAGE}, a {@link CommandFailure}
 * into its own code, an I/O failure into {@link ExitCode#UNREADABLE}, anything else into
 * {@link ExitCode#INTERNAL}. The stack trace is printed only when {@code --verbose} was given.
 */
public final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

  /** The option that asks for stack traces. */
  static final String VERBOSE = "--verbose";

  /** Creates the handler; it keeps no state. */
  public OneLineErrors() {
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder(name).append(": ");
    if (ex instanceof UnmatchedArgumentException unmatched && isUnknownCommand(unmatched)) {
      line.append("unknown command '").append(unmatched.getUnmatched().get(0)).append('\'');
    } else {
      line.append(oneLine(ex.getMessage()));
    }
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions.stream()
            .limit(3).map(s -> "'" + s + "'").toList())).append('?');
      }
    }
    line.append(" (try '").append(name).append(" --help')");
    PrintWriter err = cmd.getErr();
    err.println(line);
    if (verbose(args)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    String name = cmd.getCommandSpec().qualifiedName();
    PrintWriter err = cmd.getErr();
    int code;
    if (ex instanceof CommandFailure failure) {
      err.println(name + ": " + oneLine(failure.getMessage()));
      code = failure.exitCode();
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      Throwable io = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
      err.println(name + ": cannot read or write a file: " + describe(io));
      code = ExitCode.UNREADABLE;
    } else {
      err.println(name + ": internal error: " + describe(ex)
          + " (please report it; run again with --verbose for the details)");
      code = ExitCode.INTERNAL;
    }
    if (verbose(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** An unmatched first argument of a command that takes subcommands and no positional ones. */
  private static boolean isUnknownCommand(UnmatchedArgumentException ex) {
    CommandLine cmd = ex.getCommandLine();
    List<String> unmatched = ex.getUnmatched();
    return !cmd.getSubcommands().isEmpty()
        && cmd.getCommandSpec().positionalParameters().isEmpty()
        && !unmatched.isEmpty()
        && !unmatched.get(0).startsWith("-");
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  /** Parsing failed, so the parse result is unreliable: look at the raw arguments. */
  private static boolean verbose(String[] args) {
    for (String a : args) {
      if (VERBOSE.equals(a)) {
        return true;
      }
      if ("--".equals(a)) {
        return false;
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    String type = t.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + oneLine(message);
  }

  /** Messages may span lines (picocli lists several problems); the user sees one line. */
  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  /**
   * The message of an I/O failure as one line that says what is wrong with the path: the JDK's
   * file-system exceptions carry only the path as their message.
   *
   * @param e the failure
   * @return the line
   */
  public static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs) {
      String file = fs.getFile() == null ? "" : fs.getFile();
      String what;
      String r = fs.getReason();
      if (e instanceof java.nio.file.AccessDeniedException || "Permission denied".equals(r)) {
        what = "permission denied";
      } else if (e instanceof java.nio.file.FileAlreadyExistsException
          || e instanceof java.nio.file.NotDirectoryException || "Not a directory".equals(r)
          || "File exists".equals(r)) {
        what = "a file is in the way (a folder is needed there)";
      } else if (e instanceof java.nio.file.NoSuchFileException || "No such file or directory".equals(r)) {
        what = "no such file or directory";
      } else if (r != null) {
        what = r;
      } else {
        what = e.getClass().getSimpleName();
      }
      return file.isEmpty() ? what : file + ": " + what;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
