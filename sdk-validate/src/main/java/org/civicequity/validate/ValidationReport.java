package org.civicequity.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicequity.core.SourceLocation;

/**
 * The result of one validation run, in the shape of the JSON report (DESIGN §9).
 *
 * @param valid            true when there is no error and no system error (in strict mode, no
 *                         warning either)
 * @param standardVersion  the version of the standard the input declares (MAJOR.MINOR); for
 *                         input without a manifest, the version validated against; null when
 *                         the manifest's version could not be read
 * @param validatorName    the validator's name ({@code civic-equity})
 * @param validatorVersion the validator's version
 * @param input            the input as the user named it
 * @param summary          exact counts
 * @param findings         one group per code, most serious first, then by code
 * @param rulesNotRun      rules that did not run, and why
 * @param systemErrors     bugs met during the run (a rule that threw); the run went on
 */
public record ValidationReport(boolean valid, String standardVersion, String validatorName,
    String validatorVersion, String input, Summary summary, List<FindingGroup> findings,
    List<RuleNotRun> rulesNotRun, List<SystemError> systemErrors) {

  /** Checks and copies. */
  public ValidationReport {
    Objects.requireNonNull(validatorName, "validatorName");
    Objects.requireNonNull(validatorVersion, "validatorVersion");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(summary, "summary");
    findings = List.copyOf(findings);
    rulesNotRun = List.copyOf(rulesNotRun);
    systemErrors = List.copyOf(systemErrors);
  }

  /**
   * The kept examples of every code, in report order.
   *
   * @return the findings kept as examples
   */
  public List<Finding> examples() {
    List<Finding> all = new ArrayList<>();
    for (FindingGroup g : findings) {
      all.addAll(g.examples());
    }
    return all;
  }

  /**
   * The group of one code.
   *
   * @param code the rule code
   * @return the group, or null when the code was not found
   */
  public FindingGroup group(String code) {
    for (FindingGroup g : findings) {
      if (g.code().equals(code)) {
        return g;
      }
    }
    return null;
  }

  /**
   * Exact counts of the run.
   *
   * @param errors   findings of severity ERROR
   * @param warnings findings of severity WARNING
   * @param infos    findings of severity INFO
   * @param rows     observation rows read
   */
  public record Summary(long errors, long warnings, long infos, long rows) {
  }

  /**
   * All findings of one code: the exact count and the first examples.
   *
   * @param code        the rule code
   * @param severity    the severity (after the user's overrides)
   * @param count       how many times it was found (exact)
   * @param description the rule's documentation paragraph
   * @param examples    the first findings, at most the example cap
   */
  public record FindingGroup(String code, Severity severity, long count, String description,
      List<Finding> examples) {

    /** Checks and copies. */
    public FindingGroup {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(severity, "severity");
      examples = List.copyOf(examples);
    }
  }

  /**
   * A rule that did not run.
   *
   * @param code   the rule code
   * @param reason why (switched off, not applicable to this input, skipped after syntax errors,
   *               stopped after an internal error)
   */
  public record RuleNotRun(String code, String reason) {
  }

  /**
   * A bug met during the run. The rule that caused it was stopped; the run went on.
   *
   * @param code      the code of the rule that failed, or null when the engine itself failed
   * @param message   what happened (the exception's class and message)
   * @param location  where the rule was when it failed, or null
   */
  public record SystemError(String code, String message, SourceLocation location) {
    /** Checks the message. */
    public SystemError {
      Objects.requireNonNull(message, "message");
    }
  }
}
