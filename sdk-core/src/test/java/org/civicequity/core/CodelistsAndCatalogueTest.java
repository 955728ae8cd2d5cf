package org.civicequity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodelistsAndCatalogueTest {

  @Test
  void standardCodelistsAreLoadedFromTheSchemaJar() {
    Codelists all = Codelists.standard();
    assertThat(all.asMap().keySet()).contains("race-ethnicity", "sex", "age-band",
        "income-band", "disability", "nativity", "geo-level", "unit", "domain", "polarity",
        "status", "suppression-reason");
    Codelist geo = all.get("geo-level");
    assertThat(geo.find("tract").orElseThrow().number("geoIdLength")).isEqualTo(11.0);
    assertThat(geo.find("custom").orElseThrow().number("geoIdLength")).isNull();
    Codelist age = all.get("age-band");
    assertThat(age.pattern()).isNotNull();
    assertThat(age.accepts("30-39")).isTrue();
    assertThat(age.find("30-39")).isEmpty();
    assertThat(age.accepts("adults")).isFalse();
    Code percent = all.get("unit").find("percent").orElseThrow();
    assertThat(percent.number("maximum")).isEqualTo(100.0);
    Code deprecated = all.get("race-ethnicity").find("some-other-race").orElseThrow();
    assertThat(deprecated.deprecated()).isTrue();
    assertThat(Codelists.standard()).isSameAs(all);
    assertThatThrownBy(() -> all.get("colours")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colours");
  }

  @Test
  void aCodelistFileIsReadOrRefusedWithItsName() {
    Codelist c = Codelists.read(new ByteArrayInputStream(("{\"id\":\"t\",\"name\":\"T\","
        + "\"codes\":[{\"code\":\"a\",\"label\":\"A\",\"attributes\":{\"n\":2,\"l\":[\"x\"]}}]}")
        .getBytes(StandardCharsets.UTF_8)), "t.json");
    assertThat(c.find("a").orElseThrow().attributes()).containsEntry("n", 2L)
        .containsEntry("l", List.of("x"));
    assertThatThrownBy(() -> Codelists.read(new ByteArrayInputStream("{\"id\":1}".getBytes(
        StandardCharsets.UTF_8)), "bad.json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json");
    assertThatThrownBy(() -> Codelists.read(new ByteArrayInputStream("{".getBytes(
        StandardCharsets.UTF_8)), "broken.json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken.json");
  }

  @Test
  void coreCatalogueIsLoaded() {
    Catalogue core = Catalogue.core();
    assertThat(core.indicators()).hasSizeGreaterThanOrEqualTo(30);
    Indicator poverty = core.find("poverty-rate").orElseThrow();
    assertThat(poverty.unit()).isEqualTo("percent");
    assertThat(poverty.location().pointer()).startsWith("/indicators/");
    assertThat(poverty.location().line()).isPositive();
    for (Indicator i : core.indicators()) {
      assertThat(Codelists.standard().get("unit").accepts(i.unit())).as(i.id()).isTrue();
      assertThat(Codelists.standard().get("domain").accepts(i.domain())).as(i.id()).isTrue();
    }
  }
}
