package org.civicequity.cli;

/**
 * The exit codes of the {@code civic-equity} command line (standard §9). Scripts depend on them:
 * add, never renumber.
 */
public final class ExitCode {

  /** The input is valid (warnings allowed), or the command did what it was asked. */
  public static final int OK = 0;

  /** The input is invalid (or has warnings and {@code --strict} was given). */
  public static final int INVALID = 1;

  /** The command was misused: unknown option or command, missing or bad argument. */
  public static final int USAGE = 2;

  /** The input could not be read at all, or an output could not be written. */
  public static final int UNREADABLE = 3;

  /** An internal error: a bug in civic-equity. */
  public static final int INTERNAL = 4;

  private ExitCode() {
  }
}
