package dev.resident.undertow.routing;

/**
 * The syntax of host names as App Engine accepts them: dot-separated labels of 1 to 63 ASCII letters,
 * digits and hyphens, no label starting or ending with a hyphen.
 */
final class HostLabels {

  /** The longest label of a host name. */
  static final int MAX_LABEL_LENGTH = 63;

  private HostLabels() {}

  /**
   * Finds the first label of {@code name}, from {@code start} on, that breaks the syntax.
   *
   * @param name the host name, or the tail of one
   * @param start where the first label begins
   * @param partialFirst whether the first label is the end of a longer label (it follows a {@code *}), so
   *     that it may start with a hyphen
   * @return the offending label, empty for an empty label; null when every label is well formed
   */
  static String badLabel(String name, int start, boolean partialFirst) {
    boolean partial = partialFirst;
    int from = start;
    while (true) {
      int dot = name.indexOf('.', from);
      int end = dot < 0 ? name.length() : dot;
      if (!isLabel(name, from, end, partial)) {
        return name.substring(from, end);
      }
      if (dot < 0) {
        return null;
      }
      from = dot + 1;
      partial = false;
    }
  }

  /**
   * Tells whether {@code name} is a well-formed host name.
   *
   * @param name the candidate
   * @return true when every label is well formed
   */
  static boolean isHostName(String name) {
    return badLabel(name, 0, false) == null;
  }

  private static boolean isLabel(String s, int start, int end, boolean partial) {
    int length = end - start;
    if (length < 1 || length > MAX_LABEL_LENGTH) {
      return false;
    }
    if ((!partial && s.charAt(start) == '-') || s.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
