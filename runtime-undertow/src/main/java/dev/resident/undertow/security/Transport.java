package dev.resident.undertow.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.function.IntSupplier;

/**
 * Whether a request came over TLS (R-SEC-2): on the host's HTTPS listener, or, from a trusted proxy, with
 * {@code X-Forwarded-Proto: https}; and where its https form is.
 */
final class Transport {

  static final HttpString FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");

  private final TrustedProxies proxies;
  private final IntSupplier httpsPort;

  /**
   * @param proxies whose {@code X-Forwarded-Proto} is believed
   * @param httpsPort the bound port of the HTTPS listener, or -1 when there is none
   */
  Transport(TrustedProxies proxies, IntSupplier httpsPort) {
    this.proxies = proxies;
    this.httpsPort = httpsPort;
  }

  boolean secure(HttpServerExchange exchange) {
    if ("https".equals(exchange.getRequestScheme())) {
      return true;
    }
    if (!proxies.trusts(exchange.getSourceAddress())) {
      return false;
    }
    String proto = exchange.getRequestHeaders().getFirst(FORWARDED_PROTO);
    if (proto == null) {
      return false;
    }
    int comma = proto.indexOf(',');
    return (comma < 0 ? proto : proto.substring(0, comma)).trim().equalsIgnoreCase("https");
  }

  /** The https URL of a request: the HTTPS listener's port when there is one, else the default port. */
  String httpsUrl(HttpServerExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    String name = host == null ? exchange.getDestinationAddress().getHostString() : hostName(host);
    int port = httpsPort.getAsInt();
    String query = exchange.getQueryString();
    return "https://" + name + (port > 0 && port != 443 ? ":" + port : "")
        + LoginRedirect.safePath(RequestSignatures.rawPath(exchange)) + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /** The host part of a Host header, an IPv6 literal kept in brackets. */
  static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
