package org.civicequity.publish;

import java.nio.file.Path;
import java.util.List;
import org.civicequity.validate.ValidationReport;

/**
 * What a publish did.
 *
 * @param feed             the published feed directory
 * @param report           the validation report: of the written feed when {@code verify} was asked,
 *                         otherwise of the sources (their warnings and infos)
 * @param observations     observations published
 * @param indicators       indicators published
 * @param smallCells       rows suppressed because their count was below the policy's minimum
 * @param complementary    rows suppressed so that another suppressed row cannot be recomputed
 * @param files            the files written, in the order written
 * @param phaseMillis      wall-clock milliseconds of each phase (suppression, validation, sort, each
 *                         file, move), in order, for benchmarks and progress reports
 * @param versionChange    the version and how it follows from the previous feed's (with a previous
 *                         feed), or null
 */
public record PublishResult(Path feed, ValidationReport report, long observations, int indicators, int smallCells,
    int complementary, List<String> files, java.util.Map<String, Long> phaseMillis, VersionChange versionChange) {

  /**
   * A result without a previous feed.
   *
   * @param feed          the published feed directory
   * @param report        the validation report
   * @param observations  observations published
   * @param indicators    indicators published
   * @param smallCells    rows suppressed as small cells
   * @param complementary rows suppressed as complementary cells
   * @param files         the files written
   * @param phaseMillis   milliseconds of each phase
   */
  public PublishResult(Path feed, ValidationReport report, long observations, int indicators, int smallCells,
      int complementary, List<String> files, java.util.Map<String, Long> phaseMillis) {
    this(feed, report, observations, indicators, smallCells, complementary, files, phaseMillis, null);
  }

  /** Copies the collections. */
  public PublishResult {
    files = List.copyOf(files);
    phaseMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMillis));
  }
}
