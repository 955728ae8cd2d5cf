package org.civicequity.publish;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.civicequity.validate.ValidatorOptions;

/**
 * Options of {@link FeedPublisher#publish(Path, Path, PublishOptions)}.
 *
 * @param issued           the issue date written into the feed; the same sources and date give
 *                         a byte-identical feed
 * @param previous         a previous version of the feed to compare with (CHANGES.json), or null
 * @param baseUrl          the feed's public address (ending with /) for the catalog's download
 *                         links, or null to use the manifest's homepage
 * @param validatorOptions rule settings for the validations
 * @param verify           also validate the written feed as a whole (re-reading every file, checksums
 *                         included) before moving it into place; the sources are always validated,
 *                         the suppressed rows are always checked, and the manifest always against its
 *                         schema, so this costs a full validation for a belt-and-braces check
 */
public record PublishOptions(LocalDate issued, Path previous, String baseUrl, ValidatorOptions validatorOptions,
    boolean verify) {

  /** Applies defaults: today (UTC) and the validator's defaults. */
  public PublishOptions {
    issued = issued == null ? LocalDate.now(ZoneOffset.UTC) : issued;
    validatorOptions = validatorOptions == null ? ValidatorOptions.defaults() : validatorOptions;
    if (baseUrl != null && !baseUrl.isBlank()) {
      if (!baseUrl.matches("https?://[^\\s]+")) {
        throw new IllegalArgumentException("the base URL must be an http(s) address, got '" + baseUrl + "'");
      }
      baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    } else {
      baseUrl = null;
    }
  }

  /**
   * Default options: issued today, no previous feed.
   *
   * @return the options
   */
  public static PublishOptions defaults() {
    return new PublishOptions(null, null, null, null, false);
  }

  /**
   * @param date the issue date
   * @return a copy with that date
   */
  public PublishOptions withIssued(LocalDate date) {
    return new PublishOptions(date, previous, baseUrl, validatorOptions, verify);
  }

  /**
   * @param feed a previous version of the feed
   * @return a copy that compares with it
   */
  public PublishOptions withPrevious(Path feed) {
    return new PublishOptions(issued, feed, baseUrl, validatorOptions, verify);
  }

  /**
   * @param url the feed's public address
   * @return a copy with that address
   */
  public PublishOptions withBaseUrl(String url) {
    return new PublishOptions(issued, previous, url, validatorOptions, verify);
  }

  /**
   * @param value true to validate the written feed as a whole before moving it into place
   * @return a copy with that setting
   */
  public PublishOptions withVerify(boolean value) {
    return new PublishOptions(issued, previous, baseUrl, validatorOptions, value);
  }
}
