package org.civicequity.validate.internal.rules;

import java.util.HashSet;
import java.util.Set;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** Remembers, for one run, which small things (e.g. extension field names) were already reported. */
final class FirstSeen {
  private final Set<String> seen = new HashSet<>();

  static FirstSeen of(ValidationContext ctx) {
    return CompiledContext.of(ctx).shared(FirstSeen.class, c -> new FirstSeen());
  }

  /**
   * Whether a key is met for the first time in this run. The set stays small: callers use it
   * only for keys of a bounded kind (field names).
   */
  boolean first(String key) {
    return seen.size() < 10_000 && seen.add(key);
  }
}
