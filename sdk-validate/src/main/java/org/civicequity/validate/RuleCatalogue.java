package org.civicequity.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.civicequity.validate.internal.rules.BuiltInRules;

/**
 * The rules a validator runs: the built-in ones, in one explicit list, plus those of any
 * {@link RulePack} found with {@link ServiceLoader}.
 */
public final class RuleCatalogue {
  private RuleCatalogue() {
  }

  /**
   * The built-in executable rules.
   *
   * @return the rules, in running order
   */
  public static List<Rule> builtIn() {
    return BuiltInRules.rules();
  }

  /**
   * Every code the validator can report, with its documentation: syntax, structure and
   * semantics, built-in and from rule packs on the class path.
   *
   * @return the rule information, in documentation order
   */
  public static List<RuleInfo> describe() {
    List<RuleInfo> all = new ArrayList<>(BuiltInRules.infos());
    for (Rule r : packs()) {
      all.add(r.info());
    }
    return all;
  }

  /**
   * Every built-in code with its documentation (without rule packs): what {@code docs/rules.md}
   * lists.
   *
   * @return the rule information, in documentation order
   */
  public static List<RuleInfo> describeBuiltIn() {
    return BuiltInRules.infos();
  }

  /**
   * The rules of the rule packs on the class path.
   *
   * @return the rules, in the order the packs list them
   * @throws IllegalStateException if a pack's code clashes with another code
   */
  public static List<Rule> packs() {
    List<Rule> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (RuleInfo i : BuiltInRules.infos()) {
      codes.add(i.code());
    }
    for (RulePack pack : ServiceLoader.load(RulePack.class)) {
      for (Rule r : pack.rules()) {
        if (!codes.add(r.info().code())) {
          throw new IllegalStateException("rule pack " + pack.getClass().getName()
              + " reuses the code " + r.info().code());
        }
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The rule reference in Markdown: what {@code docs/rules.md} holds and
   * {@code civic-equity rules} prints.
   *
   * @param rules the rules to list, e.g. {@link #describe()}
   * @return the Markdown text
   */
  public static String toMarkdown(List<RuleInfo> rules) {
    return org.civicequity.validate.internal.RulesMarkdown.render(rules);
  }

  /**
   * Whether a code is known (built-in or from a pack).
   *
   * @param code the code
   * @return true when known
   */
  public static boolean isKnown(String code) {
    for (RuleInfo i : describe()) {
      if (i.code().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
