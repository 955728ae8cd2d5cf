package org.civicequity.cli;

/**
 * Thrown by a command to stop with a given exit code and a one-line message for the user. The
 * command line prints {@code <command>: <message>} on standard error (no stack trace unless
 * {@code --verbose} is given) and exits with {@link #exitCode()}.
 */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * A failure with a message and an exit code.
   *
   * @param exitCode one of the codes of {@link ExitCode}
   * @param message  one line the user can act on: what went wrong, where, what to do
   */
  public CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * A failure caused by another exception (kept for {@code --verbose}).
   *
   * @param exitCode one of the codes of {@link ExitCode}
   * @param message  one line the user can act on
   * @param cause    the underlying exception
   */
  public CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * The exit code the command line ends with.
   *
   * @return one of the codes of {@link ExitCode}
   */
  public int exitCode() {
    return exitCode;
  }
}
