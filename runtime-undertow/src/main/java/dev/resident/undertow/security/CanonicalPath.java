package dev.resident.undertow.security;

import io.undertow.util.CanonicalPathUtils;

/**
 * The path access rules are matched against: the decoded path with {@code .} and {@code ..} segments
 * resolved as the servlet container resolves them, runs of slashes made one and encoded slashes and
 * backslashes ({@code %2F}, {@code %5C}, which Undertow leaves encoded) read as slashes, so that no
 * spelling of a protected path reaches its servlet unchecked.
 */
public final class CanonicalPath {

  private CanonicalPath() {}

  /**
   * Returns the canonical form of a decoded path.
   *
   * @param path such as {@code /a/../admin//x}
   * @return such as {@code /admin/x}
   */
  public static String of(String path) {
    if (path.indexOf('%') >= 0) {
      path = path.replace("%2F", "/").replace("%2f", "/").replace("%5C", "\\").replace("%5c", "\\");
    }
    String canonical = CanonicalPathUtils.canonicalize(path.isEmpty() ? "/" : path);
    if (canonical.indexOf("//") >= 0 || canonical.indexOf('\\') >= 0) {
      StringBuilder out = new StringBuilder(canonical.length());
      char last = 0;
      for (int i = 0; i < canonical.length(); i++) {
        char c = canonical.charAt(i) == '\\' ? '/' : canonical.charAt(i);
        if (c == '/' && last == '/') {
          continue;
        }
        out.append(c);
        last = c;
      }
      canonical = CanonicalPathUtils.canonicalize(out.toString());
    }
    return canonical.startsWith("/") ? canonical : "/" + canonical;
  }
}
