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

  /** Four members: two comparable, one in the wrong unit, one skipped at harvest. */
  static void sample(FederationStore store) {
    // A: its own indicator id, equivalent to the catalogue's poverty-rate, with populations.
    Fixtures.load(store, harvested("county-a", 0),
        List.of(indicator("pov", "percent", "lower-is-better", "poverty-rate", 0.90),
            indicator("local-thing", "percent", "lower-is-better", null, null)),
        List.of(
            obs("pov", "county", "24510", "2019", "black-alone", 20.0, 2.0, 1000.0),
            obs("pov", "county", "24510", "2019", "white-alone-nh", 10.0, 1.5, 2000.0),
            obs("pov", "county", "24510", "2019", "hispanic", 15.0, 5.0, 500.0),
            obs("pov", "county", "24510", "2019", null, 14.0, 1.0, 3500.0),
            Observation.builder().indicator("pov").geoLevel("county").geoId("24510")
                .period("2019").raceEthnicity("black-alone").sex("female").value(21.0).build(),
            Observation.builder().indicator("pov").geoLevel("county").geoId("24510")
                .period("2019").raceEthnicity("asian-alone").status("suppressed").build(),
            obs("local-thing", "county", "24510", "2019", "black-alone", 1.0, null, null),
            obs("undefined-one", "county", "24510", "2019", "black-alone", 1.0, null, null)));
    // B: uses the catalogue id directly, no populations; one lonely period.
    Fixtures.load(store, harvested("county-b", 0),
        List.of(indicator("poverty-rate", "percent", "lower-is-better", null, null)),
        List.of(
            obs("poverty-rate", "county", "24005", "2019", "black-alone", 12.0, 3.0, null),
            obs("poverty-rate", "county", "24005", "2019", "white-alone-nh", 8.0, 1.0, null),
            obs("poverty-rate", "county", "24005", "2018", "black-alone", 13.0, 3.0, null),
            obs("poverty-rate", "county", "24005", "2018", "white-alone-nh", 9.0, 1.0, null)));
    // C: wrong unit.
    Fixtures.load(store, harvested("county-c", 0),
        List.of(indicator("pov", "proportion", "lower-is-better", "poverty-rate", null)),
        List.of(obs("pov", "county", "24003", "2019", "black-alone", 0.12, 0.01, null)));
    // D: skipped at harvest, its rows never count.
    Fixtures.load(store, Fixtures.skipped("county-d", "wrong hash"),
        List.of(indicator("poverty-rate", "percent", "lower-is-better", null, null)),
        List.of(obs("poverty-rate", "county", "24001", "2019", "black-alone", 50.0, 1.0, null)));
  }
}
