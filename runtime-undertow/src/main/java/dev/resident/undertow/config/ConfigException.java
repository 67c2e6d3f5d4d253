package dev.resident.undertow.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when configuration has errors. It carries every problem of every file, not only the first
 * (R-CFG-5).
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems found, errors and warnings, in the order of the files and of their
   *     lines; at least one error
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems found.
   *
   * @return errors and warnings, in the order of the files and of their lines
   */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /**
   * Returns the errors only.
   *
   * @return the problems of severity {@link ConfigProblem.Severity#ERROR}
   */
  public List<ConfigProblem> errors() {
    return problems.stream().filter(ConfigProblem::isError).toList();
  }
}
