package org.civicequity.federate;

import java.time.Duration;
import java.util.Objects;

/**
 * What harvesting one member gave: harvested (its data is in the store) or skipped, with the
 * reason. Never carries credentials: {@link #location()} is redacted.
 *
 * @param member               the member id from the registry
 * @param publisher            the publisher's name from the registry
 * @param location             the feed location as given, with credentials and secret-looking
 *                             query values redacted
 * @param status               harvested or skipped
 * @param reason               why the member was skipped, or a note for a harvested member; may
 *                             be null
 * @param sha256               the SHA-256 of the feed file (a .zip or the datapackage.json), or
 *                             null when it could not be read
 * @param standardVersion      the standard version the feed declares, or null
 * @param jurisdictionGeoLevel the geography level of the publisher's jurisdiction, or null
 * @param jurisdictionGeoId    the GEOID (or custom id) of the publisher's jurisdiction, or null
 * @param jurisdictionName     the name of the publisher's jurisdiction, or null
 * @param observations         observation rows loaded into the store
 * @param errors               validation errors found
 * @param warnings             validation warnings found
 * @param elapsed              how long harvesting the member took
 */
public record MemberResult(String member, String publisher, String location, Status status,
    String reason, String sha256, String standardVersion, String jurisdictionGeoLevel,
    String jurisdictionGeoId, String jurisdictionName, long observations, long errors,
    long warnings, Duration elapsed) {

  /** Whether a member's data made it into the store. */
  public enum Status {
    /** The feed was fetched, verified, validated and loaded. */
    HARVESTED,
    /** The feed was not loaded; {@link MemberResult#reason()} says why. */
    SKIPPED;

    /** @return the status in lower case, as stored and printed */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Checks the required parts. */
  public MemberResult {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(elapsed, "elapsed");
    if (status == Status.SKIPPED && reason == null) {
      throw new IllegalArgumentException("a skipped member needs a reason: " + member);
    }
  }

  /**
   * Whether the member's data is in the store.
   *
   * @return true when harvested
   */
  public boolean harvested() {
    return status == Status.HARVESTED;
  }
}
