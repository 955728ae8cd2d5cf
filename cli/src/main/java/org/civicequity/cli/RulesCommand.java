package org.civicequity.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.civicequity.validate.RuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code civic-equity rules}: prints every rule the validator knows (code, severity, layer,
 * description, message), the same reference as {@code docs/rules.md}.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = "Print every validation rule: code, severity and description (Markdown, as "
        + "in docs/rules.md).")
public final class RulesCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  /** Instances are made by picocli. */
  RulesCommand() {
  }

  /**
   * Prints the rules.
   *
   * @return {@link ExitCode#OK}
   */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(RuleCatalogue.toMarkdown(RuleCatalogue.describe()));
    out.flush();
    return ExitCode.OK;
  }
}
