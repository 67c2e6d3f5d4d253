package dev.resident.undertow.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The redirect of a caller who is not signed in to {@code resident.login_url} (R-SEC-1), with the
 * original URL in a {@code continue} parameter. The continue URL never names another host (no open
 * redirect): it is absolute only for a host the application owns (the login URL's host, the domain and
 * its subdomains, loopback), otherwise a path, with one leading slash.
 */
final class LoginRedirect {

  private final String loginUrl;
  private final String loginHost;
  private final String domain;

  /**
   * @param loginUrl the login URL, absolute or a path
   * @param domain {@code resident.domain}, or null
   */
  LoginRedirect(String loginUrl, String domain) {
    this.loginUrl = loginUrl;
    URI uri = URI.create(loginUrl);
    this.loginHost = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    this.domain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
  }

  String location(HttpServerExchange exchange, boolean secure) {
    String query = exchange.getQueryString();
    String path = safePath(RequestSignatures.rawPath(exchange)) + (query == null || query.isEmpty() ? "" : "?" + query);
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    String target = host != null && owned(Transport.hostName(host).toLowerCase(Locale.ROOT)) && validHost(host)
        ? (secure ? "https://" : "http://") + host.toLowerCase(Locale.ROOT) + path
        : path;
    return loginUrl + (loginUrl.contains("?") ? "&" : "?") + "continue="
        + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  private boolean owned(String name) {
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]")
        || name.equals(loginHost)
        || (domain != null && (name.equals(domain) || name.endsWith("." + domain)));
  }

  private static boolean validHost(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
      if (!ok || c > 127) {
        return false;
      }
    }
    return true;
  }

  /** A path that cannot be read as another host: one leading slash, no backslash. */
  static String safePath(String path) {
    String p = path.replace('\\', '/');
    int i = 0;
    while (i < p.length() && p.charAt(i) == '/') {
      i++;
    }
    return "/" + p.substring(i);
  }

  @Override
  public String toString() {
    return loginUrl;
  }
}
