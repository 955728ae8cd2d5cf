package org.civicequity.core.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.core.SchemaViolation;
import org.civicequity.core.ValidObservation;

/**
 * The validator behind {@link ValidObservation}: runs the compiled schema checks and turns each
 * violation into a constraint violation whose message is the finding code and whose property
 * node is the field.
 */
public final class ValidObservationValidator
    implements ConstraintValidator<ValidObservation, Observation> {

  /** Creates the validator (called by the Bean Validation provider). */
  public ValidObservationValidator() {
  }

  @Override
  public boolean isValid(Observation value, ConstraintValidatorContext context) {
    if (value == null) {
      return true; // null is @NotNull's business, as the specification asks
    }
    List<SchemaViolation> violations = ObservationChecks.standard().check(value);
    if (violations.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (SchemaViolation v : violations) {
      // codes are UPPER_SNAKE: no message-interpolation characters to escape
      var builder = context.buildConstraintViolationWithTemplate(v.code());
      if (v.field() == null) {
        builder.addConstraintViolation();
      } else {
        builder.addPropertyNode(v.field()).addConstraintViolation();
      }
    }
    return false;
  }
}
