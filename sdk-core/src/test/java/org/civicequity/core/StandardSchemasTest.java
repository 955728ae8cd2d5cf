package org.civicequity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StandardSchemasTest {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static List<SchemaViolation> obs(String json) {
    return StandardSchemas.validate("observation.schema.json", MAPPER.readTree(json));
  }

  @Test
  void validObservationHasNoViolation() {
    assertThat(obs("{\"indicator\":\"poverty-rate\",\"geoLevel\":\"tract\","
        + "\"geoId\":\"24510260605\",\"period\":\"2018/2022\",\"value\":21.3,\"moe\":4.1}"))
        .isEmpty();
  }

  @Test
  void xCodeOfAReferencedDefinitionAndItsField() {
    List<SchemaViolation> v = obs("{\"indicator\":\"poverty-rate\",\"geoLevel\":\"tract\","
        + "\"geoId\":\"4510260605\",\"period\":\"2022\",\"value\":1}");
    assertThat(v).hasSize(1);
    SchemaViolation s = v.get(0);
    assertThat(s.code()).isEqualTo("GEOID_LENGTH_MISMATCH");
    assertThat(s.field()).isEqualTo("geoId");
    assertThat(s.pointer()).isEqualTo("/geoId");
    assertThat(s.keyword()).isEqualTo("pattern");
  }

  @Test
  void keywordDefaultsRequiredAndUnknownFields() {
    List<SchemaViolation> v = obs("{\"geoLevel\":\"county\",\"geoId\":\"24510\","
        + "\"period\":\"2022\",\"value\":1,\"colour\":\"red\",\"x-ok\":1}");
    assertThat(v).extracting(SchemaViolation::code, SchemaViolation::field,
        SchemaViolation::pointer).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("REQUIRED_FIELD_MISSING", "indicator", ""),
        org.assertj.core.groups.Tuple.tuple("UNKNOWN_FIELD", "colour", "/colour"));
  }

  @Test
  void crossFieldConstraintsReportTheirXField() {
    assertThat(obs("{\"indicator\":\"a\",\"geoLevel\":\"county\",\"geoId\":\"24510\","
        + "\"period\":\"2022\",\"status\":\"ok\"}")).extracting(SchemaViolation::code,
        SchemaViolation::field).containsExactly(org.assertj.core.groups.Tuple.tuple(
        "VALUE_WITHOUT_STATUS_MISSING", "value"));
  }

  @Test
  void otherSchemasValidateToo() {
    JsonNode manifest = MAPPER.readTree("{\"name\":\"x\",\"resources\":[{\"name\":\"o\","
        + "\"path\":\"../o.csv\"}],\"civicEquity\":{\"standardVersion\":\"1.0\","
        + "\"publisher\":{\"name\":\"p\"}}}");
    List<SchemaViolation> v = StandardSchemas.validate("datapackage.schema.json", manifest);
    assertThat(v).extracting(SchemaViolation::pointer).containsExactly("/resources/0/path");
    assertThat(v.get(0).field()).isEqualTo("resources");
    assertThat(StandardSchemas.get().document("observation.schema.json").path("$id").asString())
        .isEqualTo(StandardSchemas.ID_PREFIX + "observation.schema.json");
  }

  @Test
  void unknownSchemaIsAClearError() {
    assertThatThrownBy(() -> StandardSchemas.validate("nope.schema.json",
        MAPPER.readTree("{}"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.schema.json");
    assertThatThrownBy(() -> StandardSchemas.validate("../x.json", MAPPER.readTree("{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
