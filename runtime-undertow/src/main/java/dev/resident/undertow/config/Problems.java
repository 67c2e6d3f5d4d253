package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of a load, and words the common one: {@code <field> must be <what is allowed>,
 * found <what was found>}.
 */
final class Problems {
  private final List<ConfigProblem> problems = new ArrayList<>();

  /**
   * Adds an error.
   *
   * @param at where
   * @param field the field path, empty for the whole file
   * @param message the message
   */
  void error(Origin at, String field, String message) {
    add(ConfigProblem.Severity.ERROR, at, field, message);
  }

  /**
   * Adds a warning.
   *
   * @param at where
   * @param field the field path
   * @param message the message
   */
  void warning(Origin at, String field, String message) {
    add(ConfigProblem.Severity.WARNING, at, field, message);
  }

  /**
   * Adds the error that a value is not allowed, at the value.
   *
   * @param found the value
   * @param field the field path
   * @param allowed what is allowed, such as {@code an integer from 1 to 200}
   */
  void invalid(YamlNode found, String field, String allowed) {
    mustBe(found.origin(), field, allowed, found.describe());
  }

  /**
   * Adds the error that a required value is missing, at the place of the mapping that lacks it.
   *
   * @param at where the mapping starts
   * @param field the field path
   * @param allowed what is allowed
   */
  void missing(Origin at, String field, String allowed) {
    mustBe(at, field, allowed, "nothing");
  }

  /**
   * Adds the error {@code <field> must be <allowed>, found <found>}.
   *
   * @param at where
   * @param field the field path
   * @param allowed what is allowed
   * @param found what was found, already worded
   */
  void mustBe(Origin at, String field, String allowed, String found) {
    error(at, field, field + " must be " + allowed + ", found " + found);
  }

  /**
   * Adds a problem found elsewhere, such as by the descriptor parser.
   *
   * @param problem the problem
   */
  void add(ConfigProblem problem) {
    problems.add(problem);
  }

  /**
   * Returns the problems so far, in the order they were found.
   *
   * @return a copy
   */
  List<ConfigProblem> all() {
    return List.copyOf(problems);
  }

  private void add(ConfigProblem.Severity severity, Origin at, String field, String message) {
    problems.add(new ConfigProblem(severity, at.file(), at.line(), at.column(), field, message));
  }
}
