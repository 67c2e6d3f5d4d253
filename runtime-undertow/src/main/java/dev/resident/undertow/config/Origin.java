package dev.resident.undertow.config;

/**
 * Where something was configured: a file and a 1-based line and column, or a source with no lines (line
 * 0), such as versions made in code.
 *
 * @param file the file or source name
 * @param line the line, 0 when none
 * @param column the column, 0 when none
 */
public record Origin(String file, int line, int column) {

  /**
   * Returns the place of a source that has no lines.
   *
   * @param source such as {@code code}
   * @return the origin at line 0
   */
  static Origin of(String source) {
    return new Origin(source, 0, 0);
  }

  /**
   * Returns the start of a file.
   *
   * @param file the file name
   * @return line 1, column 1
   */
  static Origin startOf(String file) {
    return new Origin(file, 1, 1);
  }

  /** Returns {@code file:line:column}, or the file alone when there is no line. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
