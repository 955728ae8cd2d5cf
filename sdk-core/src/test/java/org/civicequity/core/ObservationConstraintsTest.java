package org.civicequity.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObservationConstraintsTest {

  static Observation.Builder valid() {
    return Observation.builder().indicator("poverty-rate").geoLevel("county").geoId("24510")
        .period("2022").value(12.5);
  }

  @Test
  void validObservationPassesBothWays() {
    Observation o = valid().build();
    assertThat(ObservationConstraints.check(o)).isEmpty();
    assertThat(ObservationConstraints.validate(o)).isEmpty();
  }

  @Test
  void beanValidationMessageIsTheCodeAndThePathIsTheField() {
    Observation o = valid().geoLevel("tract").moe(-1.0).sex("x").build();
    Set<ConstraintViolation<Observation>> found = ObservationConstraints.validator().validate(o);
    assertThat(found).extracting(ConstraintViolation::getMessage, v -> v.getPropertyPath()
        .toString()).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("GEOID_LENGTH_MISMATCH", "geoId"),
        org.assertj.core.groups.Tuple.tuple("NEGATIVE_MOE", "moe"),
        org.assertj.core.groups.Tuple.tuple("UNKNOWN_CODE", "sex"));
    List<SchemaViolation> viaBean = ObservationConstraints.validate(o);
    List<SchemaViolation> direct = ObservationConstraints.check(o);
    assertThat(viaBean).extracting(SchemaViolation::code, SchemaViolation::field)
        .containsExactlyInAnyOrderElementsOf(direct.stream()
            .map(s -> org.assertj.core.groups.Tuple.tuple(s.code(), s.field())).toList());
    assertThat(viaBean).allSatisfy(s -> assertThat(s.pointer()).isEqualTo("/" + s.field()));
    assertThat(viaBean.get(0).message()).contains("24510");
  }

  @Test
  void valuesKeptAsTextAreWrongTypesOnly() {
    Observation o = valid().set("value", "n/a").unparsed("geoId", "24510").geoId(null).build();
    assertThat(ObservationConstraints.check(o)).extracting(SchemaViolation::code,
        SchemaViolation::field).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("WRONG_TYPE", "geoId"),
        org.assertj.core.groups.Tuple.tuple("WRONG_TYPE", "value"));
  }

  @Test
  void extensionsAreAllowedAndUnknownFieldsAreNot() {
    Observation o = valid().set("x-csa", "canton").set("colour", "red").build();
    assertThat(ObservationConstraints.check(o)).extracting(SchemaViolation::code,
        SchemaViolation::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("UNKNOWN_FIELD", "colour"));
  }

  @Test
  void codesComeFromTheCodelists() {
    for (Code c : Codelists.standard().get("race-ethnicity").codes()) {
      assertThat(ObservationConstraints.check(valid().raceEthnicity(c.code()).build()))
          .as(c.code()).isEmpty();
    }
    for (Code c : Codelists.standard().get("geo-level").codes()) {
      Observation o = valid().geoLevel(c.code()).geoId("1".repeat(c.number("geoIdLength") == null
          ? 5 : c.number("geoIdLength").intValue())).build();
      assertThat(ObservationConstraints.check(o)).as(c.code()).isEmpty();
    }
  }

  @Test
  void statusAndValueConsistency() {
    assertThat(ObservationConstraints.check(valid().value(null).status("suppressed").build()))
        .isEmpty();
    assertThat(ObservationConstraints.check(valid().status("suppressed").build()))
        .extracting(SchemaViolation::code).containsExactly("SUPPRESSED_VALUE_PRESENT");
    assertThat(ObservationConstraints.check(valid().value(null).build()))
        .extracting(SchemaViolation::code).containsExactly("VALUE_WITHOUT_STATUS_MISSING");
  }
}
