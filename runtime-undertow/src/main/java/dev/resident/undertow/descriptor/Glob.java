package dev.resident.undertow.descriptor;

import java.util.regex.Pattern;

/**
 * App Engine's path patterns of {@code static-files} (R-WAR-2): {@code *} matches within one path
 * segment, {@code **} across segments, {@code ?} one character; a pattern is matched against the whole
 * path from the public root and may be written with or without its leading {@code /}.
 */
final class Glob {
  private Glob() {}

  /**
   * Compiles a pattern.
   *
   * @param glob such as {@code /images/**.png} or {@code *.ico}
   * @return the regular expression matching paths that start with {@code /}
   */
  static Pattern compile(String glob) {
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    StringBuilder regex = new StringBuilder("/");
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
          i++;
          regex.append("(?:.*/)?");
        } else {
          regex.append(".*");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
