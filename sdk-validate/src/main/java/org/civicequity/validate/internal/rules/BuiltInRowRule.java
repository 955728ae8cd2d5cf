package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.ValidationContext;

/**
 * The base class of the built-in row rules. The engine calls {@link #check} through this class
 * when it can: a call through a class's virtual-method table costs less than one through an
 * interface, which the JVM resolves by searching the class's interface table, and row rules are
 * called about twenty times per row.
 */
public abstract class BuiltInRowRule implements RowRule {
  /** For subclasses. */
  protected BuiltInRowRule() {
  }

  @Override
  public abstract void check(Observation observation, ValidationContext context, Findings out);
}
