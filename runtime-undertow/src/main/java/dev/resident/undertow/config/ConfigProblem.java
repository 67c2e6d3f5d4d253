package dev.resident.undertow.config;

import java.util.Objects;

/**
 * One problem found while loading configuration (R-CFG-5).
 *
 * @param severity whether the problem stops loading
 * @param file the file (or {@code code}, for versions made in code) the problem is in
 * @param line the 1-based line of the offending value; 0 when it has no place in a file
 * @param column the 1-based column of the offending value; 0 when it has no place in a file
 * @param field the field path, such as {@code manual_scaling.instances} or {@code handlers[0].url}; empty
 *     when the problem concerns the whole file
 * @param message what was wrong, such as {@code manual_scaling.instances must be an integer from 1 to
 *     200, found "five"}
 */
public record ConfigProblem(
    Severity severity, String file, int line, int column, String field, String message) {

  public ConfigProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** How serious a problem is. */
  public enum Severity {
    /** The configuration cannot be used; loading throws {@link ConfigException}. */
    ERROR,
    /** The configuration is used; something in it is ignored. */
    WARNING
  }

  /**
   * Tells whether this problem stops loading.
   *
   * @return true for {@link Severity#ERROR}
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Returns the problem the way compilers print one.
   *
   * @return {@code file:line:column: message} for an error, {@code file:line:column: warning: message}
   *     for a warning; {@code file: …} when the problem has no line
   */
  @Override
  public String toString() {
    String place = line > 0 ? file + ":" + line + ":" + column : file;
    return place + ": " + (isError() ? "" : "warning: ") + message;
  }
}
