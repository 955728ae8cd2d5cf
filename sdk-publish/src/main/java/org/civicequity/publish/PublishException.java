package org.civicequity.publish;

import java.util.List;
import org.civicequity.validate.ValidationReport;

/**
 * Publishing was refused or failed; the previous feed, if any, is unchanged. Either the sources
 * are invalid ({@link #report()} says why, with locations in the source files), or something the
 * feed needs is missing ({@link #problems()}).
 */
public final class PublishException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ValidationReport report;
  private final transient List<String> problems;

  /**
   * Publishing refused because validation found errors.
   *
   * @param message one line
   * @param report  the report
   */
  public PublishException(String message, ValidationReport report) {
    super(message);
    this.report = report;
    this.problems = List.of();
  }

  /**
   * Publishing refused for other reasons.
   *
   * @param message  one line
   * @param problems what to fix, one line each
   */
  public PublishException(String message, List<String> problems) {
    super(message + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
    this.report = null;
    this.problems = List.copyOf(problems);
  }

  /** @return the validation report that made publishing refuse, or null */
  public ValidationReport report() {
    return report;
  }

  /** @return other problems, one line each (empty when {@link #report()} is set) */
  public List<String> problems() {
    return problems;
  }
}
