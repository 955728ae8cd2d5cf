package org.civicequity.publish;

/**
 * The version a feed got when it was published with a previous version (semver for data): the
 * previous version bumped by the kind of change, or the version the source states when it is
 * higher. Also recorded in {@code CHANGES.json}.
 *
 * <ul>
 *   <li><b>major</b>: observations or indicators removed, or a definition changed in a way that
 *       breaks comparability (unit, numerator, denominator, universe, polarity);</li>
 *   <li><b>minor</b>: indicators or observations added, or a definition changed otherwise (name,
 *       description, domain, source, methodology, confidence level, equivalent);</li>
 *   <li><b>patch</b>: only values revised (value, margin, bounds, counts, status, note, geography
 *       name), or nothing changed.</li>
 * </ul>
 *
 * @param previousVersion the previous feed's version, or null when it had none
 * @param version         the published feed's version
 * @param bump            the kind of change: {@code major}, {@code minor} or {@code patch}
 * @param reason          why, one short sentence
 */
public record VersionChange(String previousVersion, String version, String bump, String reason) {
}
