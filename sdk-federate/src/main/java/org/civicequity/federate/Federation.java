package org.civicequity.federate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A federation registry ({@code federation.json}, DESIGN §3.5): who the members are and which
 * indicators to compare.
 *
 * @param id          the federation id
 * @param name        its name
 * @param description what it is for, or null
 * @param members     the members, in registry order; ids are unique
 * @param indicators  the core-catalogue indicator ids to compare; empty means all shared ones
 */
public record Federation(String id, String name, String description, List<Member> members,
    List<String> indicators) {

  /** Checks and copies; member ids must be unique. */
  public Federation {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    members = List.copyOf(members);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    Set<String> seen = new HashSet<>();
    for (Member m : members) {
      if (!seen.add(m.id())) {
        throw new IllegalArgumentException("member id '" + m.id() + "' is used twice");
      }
    }
  }
}
