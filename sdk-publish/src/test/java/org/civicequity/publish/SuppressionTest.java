package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicequity.core.Observation;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suppression policy applied by publish: small cells, then complementary suppression. */
class SuppressionTest {
  @TempDir
  Path tmp;

  private Path source(String observations) throws Exception {
    Path src = tmp.resolve("source");
    Files.createDirectories(src);
    Files.writeString(src.resolve("datapackage.json"), """
        {"$schema": "https://civicequity.org/schema/1.0/datapackage.schema.json", "name": "suppression-test",
         "resources": [{"name": "observations", "path": "observations.csv"}, {"name": "indicators", "path": "indicators.json"}],
         "civicEquity": {"standardVersion": "1.0", "publisher": {"name": "Test", "email": "t@example.org"},
           "suppressionPolicy": {"minimumCellSize": 11, "complementary": true}}}
        """);
    Files.writeString(src.resolve("indicators.json"), """
        {"standardVersion": "1.0", "indicators": [
          {"id": "asthma-visits", "name": "Asthma emergency visits", "description": "Rate of asthma emergency visits.",
           "domain": "health", "unit": "rate-per-1000", "polarity": "lower-is-better"}]}
        """);
    Files.writeString(src.resolve("observations.csv"),
        "indicator,geoLevel,geoId,period,raceEthnicity,value,numerator,denominator,status\n" + observations);
    return src;
  }

  private Map<String, Observation> published(Path feed) throws Exception {
    try (ObservationReader r = ObservationReader.open(feed.resolve("observations.csv"))) {
      return r.stream().collect(Collectors.toMap(o -> o.geoId() + "/" + o.raceEthnicity(), o -> o));
    }
  }

  @Test
  void smallCellAndItsComplementAreSuppressed() throws Exception {
    Path src = source("""
        asthma-visits,county,24510,2022,,100,100,1000,
        asthma-visits,county,24510,2022,black-alone-nh,16.67,5,300,
        asthma-visits,county,24510,2022,white-alone-nh,160,80,500,
        asthma-visits,county,24510,2022,hispanic-aoic,75,15,200,
        asthma-visits,county,24005,2022,,50,50,1000,
        asthma-visits,county,24005,2022,black-alone-nh,100,30,300,
        asthma-visits,county,24005,2022,white-alone-nh,40,20,500,
        """);
    Path feed = tmp.resolve("feed");
    PublishResult r = FeedPublisher.publish(src, feed, PublishOptions.defaults().withIssued(LocalDate.of(2024, 1, 1)));
    assertThat(r.smallCells()).isEqualTo(1);
    assertThat(r.complementary()).isEqualTo(1);
    Map<String, Observation> rows = published(feed);
    Observation black = rows.get("24510/black-alone-nh");
    assertThat(black.status()).isEqualTo("suppressed");
    assertThat(black.value()).isNull();
    assertThat(black.numerator()).isNull();
    assertThat(black.denominator()).isEqualTo(300.0);
    assertThat(black.note()).contains("small-cell");
    Observation hisp = rows.get("24510/hispanic-aoic");
    assertThat(hisp.status()).as("the smallest other group, or 100 - 80 - 15 = 5 would reveal it").isEqualTo("suppressed");
    assertThat(hisp.note()).contains("complementary");
    assertThat(rows.get("24510/white-alone-nh").value()).isEqualTo(160.0);
    assertThat(rows.get("24510/null").value()).isEqualTo(100.0);
    assertThat(rows.get("24005/black-alone-nh").value()).isEqualTo(100.0);
    ValidationReport v = Validator.create().validate(feed);
    assertThat(v.valid()).isTrue();
    assertThat(v.findings()).noneMatch(g -> List.of("SMALL_CELL_NOT_SUPPRESSED", "SUPPRESSION_RECOVERABLE").contains(g.code()));
  }

  @Test
  void aLargeSuppressedCellNeedsNoComplement() throws Exception {
    Path src = source("""
        asthma-visits,county,24510,2022,,100,100,1000,
        asthma-visits,county,24510,2022,black-alone-nh,,,300,suppressed
        asthma-visits,county,24510,2022,white-alone-nh,120,60,500,
        asthma-visits,county,24510,2022,hispanic-aoic,75,15,200,
        """);
    Path feed = tmp.resolve("feed");
    PublishResult r = FeedPublisher.publish(src, feed, PublishOptions.defaults().withIssued(LocalDate.of(2024, 1, 1)));
    assertThat(r.smallCells()).isZero();
    assertThat(r.complementary()).as("100 - 60 - 15 = 25 is not a small count").isZero();
    assertThat(published(feed).get("24510/hispanic-aoic").value()).isEqualTo(75.0);
  }
}
