package org.civicequity.validate;

/**
 * A rule over the feed as a whole: its manifest, resources and definitions, checked once per run
 * before the observations are read.
 */
public non-sealed interface FeedRule extends Rule {

  /**
   * Checks the feed.
   *
   * @param context the feed being validated
   * @param out     where findings go
   */
  void check(ValidationContext context, Findings out);
}
