package org.civicequity.core;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.civicequity.core.internal.ObservationChecks;

/**
 * The structural checks of an observation, two ways with one result: {@link #check(Observation)}
 * runs the checks compiled from {@code observation.schema.json} and the codelists directly (fast:
 * for validating millions of rows), {@link #validate(Observation)} runs them through Bean
 * Validation ({@link ValidObservation} on {@link Observation}, Hibernate Validator). Both give the
 * same (code, field) pairs as the JSON Schema on the same data.
 */
public final class ObservationConstraints {
  private ObservationConstraints() {
  }

  private static final class Holder {
    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  /**
   * Checks an observation with the compiled checks.
   *
   * @param o the observation
   * @return the violations, in field order; empty when the observation meets the schema
   */
  public static List<SchemaViolation> check(Observation o) {
    return ObservationChecks.standard().check(o);
  }

  /**
   * Validates an observation with Bean Validation.
   *
   * @param o the observation
   * @return the violations (code = the constraint message, field = the property path), sorted
   *         by field then code; empty when valid
   */
  public static List<SchemaViolation> validate(Observation o) {
    Set<ConstraintViolation<Observation>> found = Holder.VALIDATOR.validate(o);
    List<SchemaViolation> out = new ArrayList<>(found.size());
    for (ConstraintViolation<Observation> v : found) {
      String path = v.getPropertyPath().toString();
      String field = path.isEmpty() ? null : path;
      String value = field == null ? null : o.rawValue(field);
      out.add(new SchemaViolation(v.getMessage(), field == null ? "" : "/" + field, field,
          ValidObservation.class.getSimpleName(), (field == null ? "" : field + ": ")
          + v.getMessage() + (value == null ? "" : " ('" + value + "')")));
    }
    out.sort(Comparator.comparing((SchemaViolation s) -> s.field() == null ? "" : s.field())
        .thenComparing(SchemaViolation::code));
    return out;
  }

  /**
   * The Bean Validation validator used by {@link #validate(Observation)}, for callers that
   * validate other beans holding observations.
   *
   * @return a shared, thread-safe validator
   */
  public static Validator validator() {
    return Holder.VALIDATOR;
  }
}
