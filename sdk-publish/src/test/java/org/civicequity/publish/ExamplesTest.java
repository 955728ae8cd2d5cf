package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The two examples of the repository (examples/baltimore and examples/acs-counties), run as
 * their scripts run them, through the API: they convert without errors, publish, and their
 * datapackage.json and data.json validate against the official Frictionless v2 profile and the
 * non-federal DCAT-US 1.1 schemas with an independent validator.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path REAL = EXAMPLES.resolve("data/real");

  @TempDir
  Path tmp;

  private Path publish(String example, List<Path> inputs) throws Exception {
    Conversion c = Converter.convert(inputs, Mapping.load(EXAMPLES.resolve(example).resolve("mapping.json")));
    assertThat(c.problems()).filteredOn(p -> p.severity() != ConversionProblem.Severity.INFO).isEmpty();
    ValidationReport converted = SourceFolder.validate(c, org.civicequity.validate.ValidatorOptions.defaults());
    assertThat(converted.valid()).as(converted.findings().toString()).isTrue();
    Path source = tmp.resolve(example + "-source");
    SourceFolder.write(c, source);
    Path feed = tmp.resolve(example + "-feed");
    FeedPublisher.publish(source, feed, PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
    assertThat(OfficialSchemas.frictionlessDataPackage(feed.resolve("datapackage.json"))).isEmpty();
    assertThat(OfficialSchemas.dcatCatalog(feed.resolve("data.json"))).isEmpty();
    JsonNode dataset = OfficialSchemas.read(feed.resolve("data.json")).path("dataset").get(0);
    assertThat(OfficialSchemas.dcatDataset(dataset)).isEmpty();
    ValidationReport published = Validator.create().validate(feed);
    assertThat(published.valid()).as(published.findings().toString()).isTrue();
    assertThat(feed.resolve("index.html")).isRegularFile();
    return feed;
  }

  @Test
  void baltimore() throws Exception {
    Path feed = publish("baltimore", List.of(REAL.resolve("bnia-vs-violent-crime.csv"),
        REAL.resolve("bnia-vs-liquor-outlets.csv"), REAL.resolve("bnia-vs-derived-csa-heat-demographics.csv")));
    JsonNode dp = OfficialSchemas.read(feed.resolve("datapackage.json"));
    long rows = Files.lines(feed.resolve("observations.csv")).count() - 1;
    // 660 violent crime + 605 liquor + 55 x 116 from the 2017 table (118 columns less the two series)
    assertThat(rows).isEqualTo(660 + 605 + 55 * 116);
    assertThat(dp.path("resources").get(0).path("schema").path("fields").size()).isEqualTo(Observation.FIELDS.size());
    assertThat(Files.size(feed.resolve("index.html"))).isLessThan(8_000_000);
  }

  @Test
  void acsCounties() throws Exception {
    Path feed = publish("acs-counties", List.of(REAL.resolve("acs1-2019-county-race-moe.csv")));
    String csv = Files.readString(feed.resolve("observations.csv"));
    assertThat(csv).contains("bachelors-degree-or-higher,county,24510,\"Baltimore city, Maryland\",2019,,,,,,,")
        .contains("income-ratio-black-to-white-nh,county,24510")
        .contains("median-household-income,county,24510,\"Baltimore city, Maryland\",2019,hispanic-aoic");
    String html = Files.readString(feed.resolve("index.html"));
    assertThat(html).contains("Disparity against White alone, not Hispanic or Latino");
  }
}
