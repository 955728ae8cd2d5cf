package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The core catalogue: valid, unique, and using only listed codes. */
class CatalogueTest {
  private static final JsonNode CATALOGUE = StandardSchemas.resource(StandardSchemas.CATALOGUE_RESOURCE);

  private static Set<String> codes(String list) {
    Set<String> out = new HashSet<>();
    StandardSchemas.codelist(list).get("codes").forEach(c -> out.add(c.get("code").asString()));
    return out;
  }

  @Test
  void catalogueHasAtLeastThirtyUniqueIndicators() {
    Set<String> ids = new HashSet<>();
    for (JsonNode i : CATALOGUE.get("indicators")) {
      assertThat(ids.add(i.get("id").asString())).as("unique id " + i.get("id")).isTrue();
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(30).contains("broadband-subscription", "poverty-rate",
        "median-household-income", "unemployment-rate", "uninsured-rate", "homeownership-rate", "rent-burden",
        "life-expectancy", "workforce-representation", "violent-crime-rate", "liquor-outlet-density");
  }

  @Test
  void indicatorsUseListedCodesAndAreFullyDefined() {
    Set<String> units = codes("unit");
    Set<String> domains = codes("domain");
    Set<String> polarities = codes("polarity");
    for (JsonNode i : CATALOGUE.get("indicators")) {
      String id = i.get("id").asString();
      assertThat(units).as(id + " unit").contains(i.get("unit").asString());
      assertThat(domains).as(id + " domain").contains(i.get("domain").asString());
      assertThat(polarities).as(id + " polarity").contains(i.get("polarity").asString());
      for (String f : List.of("name", "description", "universe", "methodology")) {
        assertThat(i.path(f).asString("")).as(id + " " + f).isNotBlank();
      }
      JsonNode src = i.get("source");
      for (String f : List.of("name", "table", "vintage", "url")) {
        assertThat(src.path(f).asString("")).as(id + " source." + f).isNotBlank();
      }
      if (src.get("name").asString().contains("American Community Survey")) {
        assertThat(i.path("confidenceLevel").asDouble()).as(id + ": ACS margins of error are at 90%").isEqualTo(0.90);
        assertThat(src.get("url").asString()).as(id).startsWith("https://data.census.gov/table/");
      }
      if (i.get("unit").asString().equals("percent") || i.get("unit").asString().startsWith("rate-")) {
        assertThat(i.path("numerator").asString("")).as(id + " numerator").isNotBlank();
        assertThat(i.path("denominator").asString("")).as(id + " denominator").isNotBlank();
      }
    }
  }
}
