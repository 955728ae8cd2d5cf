package org.civicequity.validate;

import java.util.List;

/**
 * A third-party set of rules, found with {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/org.civicequity.validate.RulePack}. Codes must not clash with
 * the built-in ones.
 */
public interface RulePack {

  /**
   * The rules of this pack.
   *
   * @return the rules, in the order they should run
   */
  List<Rule> rules();
}
