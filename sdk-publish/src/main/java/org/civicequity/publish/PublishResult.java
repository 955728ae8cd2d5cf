package org.civicequity.publish;

import java.nio.file.Path;
import java.util.List;
import org.civicequity.validate.ValidationReport;

/**
 * What a publish did.
 *
 * @param feed             the published feed directory
 * @param report           the validation report of the published feed (warnings and infos)
 * @param observations     observations published
 * @param indicators       indicators published
 * @param smallCells       rows suppressed because their count was below the policy's minimum
 * @param complementary    rows suppressed so that another suppressed row cannot be recomputed
 * @param files            the files written, in the order written
 */
public record PublishResult(Path feed, ValidationReport report, long observations, int indicators, int smallCells,
    int complementary, List<String> files) {

  /** Copies the list. */
  public PublishResult {
    files = List.copyOf(files);
  }
}
