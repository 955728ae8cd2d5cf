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
 * @param validatorOptions rule settings for the validations before and after writing
 */
public record PublishOptions(LocalDate issued, Path previous, String baseUrl, ValidatorOptions validatorOptions) {

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
    return new PublishOptions(null, null, null, null);
  }

  /**
   * @param date the issue date
   * @return a copy with that date
   */
  public PublishOptions withIssued(LocalDate date) {
    return new PublishOptions(date, previous, baseUrl, validatorOptions);
  }

  /**
   * @param feed a previous version of the feed
   * @return a copy that compares with it
   */
  public PublishOptions withPrevious(Path feed) {
    return new PublishOptions(issued, feed, baseUrl, validatorOptions);
  }

  /**
   * @param url the feed's public address
   * @return a copy with that address
   */
  public PublishOptions withBaseUrl(String url) {
    return new PublishOptions(issued, previous, url, validatorOptions);
  }
}
