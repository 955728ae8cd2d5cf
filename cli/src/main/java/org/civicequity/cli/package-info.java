/**
 * The {@code civic-equity} command line: {@link org.civicequity.cli.CivicEquity} is the entry point
 * of the runnable jar, one class per subcommand. Exit codes are fixed in
 * {@link org.civicequity.cli.ExitCode}; a command stops with a one-line message by throwing
 * {@link org.civicequity.cli.CommandFailure}.
 */
package org.civicequity.cli;
