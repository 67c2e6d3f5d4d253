package dev.resident.undertow.security;

/**
 * The URL pattern of an access rule: a servlet path pattern ({@code /exact}, {@code /prefix/*},
 * {@code /*} and {@code /} for everything, {@code *.ext}), or a yaml regular expression such as
 * {@code /files/(.*)\.txt}. Anything other than a servlet pattern covers every path that starts with its
 * literal part (up to the first {@code .} or regular-expression character; with an alternation
 * {@code |}, every path), so that an unusual pattern protects more, never less.
 */
final class UrlPattern {

  private enum Kind { ALL, EXACT, PREFIX, EXTENSION }

  private final String written;
  private final Kind kind;
  private final String text;

  private UrlPattern(String written, Kind kind, String text) {
    this.written = written;
    this.kind = kind;
    this.text = text;
  }

  static UrlPattern of(String pattern) {
    if (pattern.equals("/") || pattern.equals("/*") || pattern.equals("*")) {
      return new UrlPattern(pattern, Kind.ALL, "");
    }
    if (pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0 && pattern.indexOf('/') < 0) {
      return new UrlPattern(pattern, Kind.EXTENSION, pattern.substring(1));
    }
    if (pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1) {
      return new UrlPattern(pattern, Kind.PREFIX, pattern.substring(0, pattern.length() - 2));
    }
    if (pattern.indexOf('|') >= 0) {
      return new UrlPattern(pattern, Kind.ALL, "");
    }
    int special = firstSpecial(pattern);
    if (special >= 0) {
      String prefix = pattern.substring(0, special);
      return prefix.isEmpty() || prefix.equals("/")
          ? new UrlPattern(pattern, Kind.ALL, "")
          : new UrlPattern(pattern, Kind.PREFIX, prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    }
    return new UrlPattern(pattern, Kind.EXACT, pattern);
  }

  private static int firstSpecial(String pattern) {
    int meta = -1;
    for (int i = 0; i < pattern.length(); i++) {
      if ("*+?()[]{}\\|^$".indexOf(pattern.charAt(i)) >= 0) {
        meta = i;
        break;
      }
    }
    if (meta < 0) {
      return -1;
    }
    int dot = pattern.indexOf('.');
    return dot >= 0 && dot < meta ? dot : meta;
  }

  /**
   * Tells whether a canonical path matches.
   *
   * @param path a decoded path with no {@code .}, {@code ..} or empty segment
   * @return true when the rule covers it
   */
  boolean matches(String path) {
    return switch (kind) {
      case ALL -> true;
      case EXACT -> path.equals(text) || (path.length() == text.length() + 1 && path.startsWith(text) && path.endsWith("/"));
      case PREFIX -> path.startsWith(text) && (path.length() == text.length() || path.charAt(text.length()) == '/'
          || text.endsWith("/") || !written.endsWith("/*"));
      case EXTENSION -> {
        int slash = path.lastIndexOf('/');
        yield path.endsWith(text) && path.length() - text.length() > slash + 1;
      }
    };
  }

  @Override
  public String toString() {
    return written;
  }
}
