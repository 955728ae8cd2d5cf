package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicequity.core.Manifest;
import org.civicequity.core.io.ManifestReader;
import org.civicequity.publish.internal.Dcat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * data.json stays valid for the official non-federal DCAT-US 1.1 schemas whatever a valid manifest
 * holds: a description longer than DCAT's 10,000 characters, blank keywords, and a contact address
 * the DCAT pattern refuses (refused before publishing, with a line naming it).
 */
class DcatTest {
  private static Manifest manifest(String description, String keywords, String email) {
    String json = """
        {"name": "edge-feed", "title": "Edge feed", "description": %s, "keywords": %s,
         "resources": [{"name": "observations", "path": "observations.csv"}],
         "civicEquity": {"standardVersion": "1.0",
           "publisher": {"name": "Example City", "email": %s,
             "jurisdiction": {"geoLevel": "county", "geoId": "24510", "name": "Baltimore city"}}}}
        """.formatted(description, keywords, email);
    return ManifestReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "datapackage.json").value().orElseThrow();
  }

  private static List<com.networknt.schema.Error> dcatErrors(Manifest m) {
    ObjectNode catalog = Dcat.build(m, List.of(), 2018, 2022, "2024-05-01", "https://example.org/feed/");
    JsonNode dataset = catalog.path("dataset").get(0);
    return OfficialSchemas.dcatDataset(dataset);
  }

  @Test
  void aDescriptionLongerThanDcatAllowsIsShortened() {
    String longText = "\"" + "Poverty by tract and group. ".repeat(400) + "\"";
    Manifest m = manifest(longText, "[\"equity\"]", "\"equity@example.org\"");
    assertThat(m.description()).hasSizeGreaterThan(10_000);
    assertThat(dcatErrors(m)).isEmpty();
    String d = Dcat.build(m, List.of(), null, null, "2024-05-01", null).path("dataset").get(0)
        .path("description").asString();
    assertThat(d).hasSize(10_000).endsWith("\u2026").startsWith("Poverty by tract and group. Poverty");
  }

  @Test
  void blankAndRepeatedKeywordsAreDropped() {
    Manifest m = manifest("\"d\"", "[\"\", \" equity \", \"equity\", \"  \", \"poverty\"]",
        "\"equity@example.org\"");
    assertThat(dcatErrors(m)).isEmpty();
    JsonNode kw = Dcat.build(m, List.of(), null, null, "2024-05-01", null).path("dataset").get(0)
        .path("keyword");
    assertThat(kw.toString()).isEqualTo("[\"equity\",\"poverty\"]");
    Manifest onlyBlank = manifest("\"d\"", "[\" \"]", "\"equity@example.org\"");
    assertThat(dcatErrors(onlyBlank)).isEmpty();
  }

  @Test
  void aContactAddressTheDcatPatternRefusesIsNamedBeforePublishing() {
    for (String bad : List.of("equity%data@example.org", "equity data@example.org", "équité@example.org",
        "equity@localhost")) {
      Manifest m = manifest("\"d\"", "[\"equity\"]", "\"" + bad + "\"");
      assertThat(dcatErrors(m)).as(bad).isNotEmpty();
      assertThat(Dcat.missing(m)).as(bad).singleElement().asString()
          .contains("'" + bad + "'").contains("contactPoint.hasEmail");
    }
    for (String good : List.of("equity-data@example.org", "o'brien+equity@city.example.gov", "a_b@x.y.z")) {
      Manifest m = manifest("\"d\"", "[\"equity\"]", "\"" + good + "\"");
      assertThat(dcatErrors(m)).as(good).isEmpty();
      assertThat(Dcat.missing(m)).as(good).isEmpty();
    }
  }
}
