package dev.resident.undertow.routing;

import java.util.Locale;

/**
 * One compiled {@code url} of {@code dispatch.yaml} (R-CFG-4), written {@code host/path} as in App Engine.
 *
 * <p>The host part is {@code *} (any host), {@code *} followed by a suffix ({@code *.example.com} matches
 * every host that ends with {@code .example.com}, but not {@code example.com} itself), or an exact host
 * name; it is compared without regard to case. The path part is an exact path, or a prefix when it ends with
 * {@code *} ({@code /mobile/*} matches {@code /mobile/} and everything below it, but not {@code /mobile});
 * it is compared with case. App Engine allows {@code *} nowhere else, and a pattern of at most 100
 * characters.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches} allocates nothing.
 */
public final class DispatchPattern {

  /** The longest pattern App Engine accepts. */
  public static final int MAX_LENGTH = 100;

  private static final String ALLOWED =
      "must be host/path with '*' only at the start of the host and at the end of the path, at most "
          + MAX_LENGTH
          + " characters, such as \"*/mobile/*\", \"*.example.com/*\" or \"example.com/favicon.ico\"; found ";

  private enum HostMatch {
    ANY,
    SUFFIX,
    EXACT
  }

  private final String text;
  private final HostMatch hostMatch;
  private final String host;
  private final String path;
  private final boolean pathPrefix;

  private DispatchPattern(String text, HostMatch hostMatch, String host, String path, boolean pathPrefix) {
    this.text = text;
    this.hostMatch = hostMatch;
    this.host = host;
    this.path = path;
    this.pathPrefix = pathPrefix;
  }

  /**
   * Compiles a pattern.
   *
   * <p>The message of the exception completes a sentence about the field, as in {@code "dispatch[2].url " +
   * e.getMessage()}: it says what is allowed, then what was found and why it is not.
   *
   * @param url the pattern as written in {@code dispatch.yaml}, such as {@code *}{@code /mobile/*}
   * @return the compiled pattern; its host is in lower case
   * @throws IllegalArgumentException if the pattern is null or not of the allowed form
   */
  public static DispatchPattern parse(String url) {
    if (url == null || url.isEmpty()) {
      throw rejected("nothing");
    }
    if (url.length() > MAX_LENGTH) {
      throw rejected(url, url.length() + " characters");
    }
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      throw rejected(url, "a scheme; leave out \"" + url.substring(0, scheme + 3) + "\"");
    }
    int slash = url.indexOf('/');
    if (slash < 0) {
      throw rejected(url, "no path; \"/*\" matches every path");
    }
    if (slash == 0) {
      throw rejected(url, "no host; \"*\" matches every host");
    }
    String hostPart = url.substring(0, slash).toLowerCase(Locale.ROOT);
    String pathPart = url.substring(slash);
    if (hostPart.indexOf('*', 1) >= 0) {
      throw rejected(url, "a '*' inside the host");
    }
    int star = pathPart.indexOf('*');
    if (star >= 0 && star != pathPart.length() - 1) {
      throw rejected(url, "a '*' inside the path");
    }
    if (hostPart.indexOf(':') >= 0) {
      throw rejected(url, "a port; patterns match the host name only");
    }
    checkHost(url, hostPart);
    checkPath(url, pathPart);

    HostMatch hostMatch;
    String host;
    if (hostPart.equals("*")) {
      hostMatch = HostMatch.ANY;
      host = "";
    } else if (hostPart.charAt(0) == '*') {
      hostMatch = HostMatch.SUFFIX;
      host = hostPart.substring(1);
    } else {
      hostMatch = HostMatch.EXACT;
      host = hostPart;
    }
    boolean prefix = star >= 0;
    String path = prefix ? pathPart.substring(0, star) : pathPart;
    return new DispatchPattern(hostPart + pathPart, hostMatch, host, path, prefix);
  }

  private static void checkHost(String url, String hostPart) {
    if (hostPart.equals("*")) {
      return;
    }
    boolean wildcard = hostPart.charAt(0) == '*';
    boolean afterDot = wildcard && hostPart.length() > 1 && hostPart.charAt(1) == '.';
    int start = wildcard ? (afterDot ? 2 : 1) : 0;
    String bad = HostLabels.badLabel(hostPart, start, wildcard && !afterDot);
    if (bad == null) {
      return;
    }
    if (bad.isEmpty()) {
      throw rejected(url, "an empty label in the host \"" + hostPart + "\"");
    }
    throw rejected(
        url,
        "host label \"" + bad + "\" is not 1 to " + HostLabels.MAX_LABEL_LENGTH
            + " letters, digits and hyphens with no hyphen at either end");
  }

  private static void checkPath(String url, String pathPart) {
    for (int i = 0; i < pathPart.length(); i++) {
      char c = pathPart.charAt(i);
      if (c == '?' || c == '#') {
        throw rejected(url, "a query or fragment; patterns match the path only");
      }
      if (c <= ' ' || c == 0x7f) {
        throw rejected(url, "a space or control character in the path");
      }
    }
  }

  private static IllegalArgumentException rejected(String found) {
    return new IllegalArgumentException(ALLOWED + found);
  }

  private static IllegalArgumentException rejected(String url, String reason) {
    return rejected("\"" + url + "\" (" + reason + ")");
  }

  /**
   * Tells whether a request matches.
   *
   * @param host the Host header value without its port ({@link HostNameParser#hostName}), any case; null
   *     or empty when the request has none, which only a {@code *} host matches
   * @param path the request path without the query, such as {@code /mobile/index.html}
   * @return true when both the host and the path match
   */
  public boolean matches(String host, String path) {
    return matchesPath(path) && matchesHost(host);
  }

  private boolean matchesHost(String requestHost) {
    switch (hostMatch) {
      case ANY:
        return true;
      case EXACT:
        return this.host.equalsIgnoreCase(requestHost);
      default:
        if (requestHost == null) {
          return false;
        }
        int from = requestHost.length() - this.host.length();
        return from >= 0 && requestHost.regionMatches(true, from, this.host, 0, this.host.length());
    }
  }

  private boolean matchesPath(String requestPath) {
    return pathPrefix ? requestPath.startsWith(path) : requestPath.equals(path);
  }

  /**
   * Returns the pattern as compiled: as written, with the host in lower case.
   *
   * @return the pattern, such as {@code *.example.com/mobile/*}
   */
  @Override
  public String toString() {
    return text;
  }

  /**
   * Tells whether another pattern matches the same requests by the same text.
   *
   * @param other the other object
   * @return true for a pattern with the same {@link #toString()}
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DispatchPattern that && text.equals(that.text);
  }

  /**
   * Returns a hash code consistent with {@link #equals}.
   *
   * @return the hash of the compiled text
   */
  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
