package org.civicequity.core;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.civicequity.core.internal.ValidObservationValidator;

/**
 * Bean Validation constraint: the observation meets the structure of
 * {@code observation.schema.json} (required fields, types, codes from the codelists, geoId form,
 * period form, indicator id form, non-negative margin of error, value and status consistency).
 *
 * <p>Each violation's message is its structural finding code (e.g.
 * {@code GEOID_LENGTH_MISMATCH}) and its property path is the field, so Bean Validation reports
 * the same (code, field) pairs as the JSON Schema. {@link ObservationConstraints} is the short
 * way to run it.
 */
@Documented
@Constraint(validatedBy = ValidObservationValidator.class)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE,
    ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidObservation {

  /**
   * The message of a violation made by the annotation itself; the validator replaces it by the
   * finding code of each violation.
   *
   * @return the message template
   */
  String message() default "SCHEMA_VIOLATION";

  /**
   * Validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * Payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
