package org.civicequity.publish;

import java.util.List;
import java.util.stream.Collectors;

/** A mapping file (or a recipe it extends) could not be used; every problem is located in its file. */
public final class MappingException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<MappingProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems found, at least one
   */
  public MappingException(List<MappingProblem> problems) {
    super(problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** @return the problems, in the order they were found */
  public List<MappingProblem> problems() {
    return problems;
  }
}
