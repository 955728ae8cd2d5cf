package org.civicequity.federate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;

/** Small builders for tests. */
final class Fixtures {
  private Fixtures() {
  }

  static Indicator indicator(String id, String unit, String polarity, String equivalentTo,
      Double confidenceLevel) {
    return new Indicator(id, id, null, "economy", unit, polarity, null, null, null, null, null,
        confidenceLevel, equivalentTo, SourceLocation.ofFile("indicators.json"));
  }

  static List<Indicator> catalogue() {
    return List.of(
        indicator("poverty-rate", "percent", "lower-is-better", null, null),
        indicator("median-household-income", "currency-usd", "higher-is-better", null, null),
        indicator("workforce-representation", "ratio", "neutral", null, null));
  }

  static Observation obs(String indicator, String geoLevel, String geoId, String period,
      String group, Double value, Double moe, Double denominator) {
    return Observation.builder().indicator(indicator).geoLevel(geoLevel).geoId(geoId)
        .period(period).raceEthnicity(group).value(value).moe(moe).denominator(denominator)
        .build();
  }

  static MemberResult harvested(String member, long rows) {
    return new MemberResult(member, member + " publisher", "feeds/" + member,
        MemberResult.Status.HARVESTED, null, null, "1.0", null, null, null, rows, 0, 0,
        Duration.ZERO);
  }

  static MemberResult skipped(String member, String reason) {
    return new MemberResult(member, member + " publisher", "feeds/" + member,
        MemberResult.Status.SKIPPED, reason, null, null, null, null, null, 0, 0, 0,
        Duration.ZERO);
  }

  static void load(FederationStore store, MemberResult member, List<Indicator> indicators,
      List<Observation> observations) {
    store.putMember(member, Instant.EPOCH);
    store.putIndicators(member.member(), indicators);
    try (FederationStore.ObservationLoader l = store.observations(member.member())) {
      observations.forEach(l::add);
    }
  }
}
