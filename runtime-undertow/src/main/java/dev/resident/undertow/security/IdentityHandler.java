package dev.resident.undertow.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strips identity-proxy headers from peers that are not trusted proxies, so that they never reach user
 * code, and, when the host has an {@link Authenticator}, finds the caller of every request and makes it
 * the servlet's user principal (R-SEC-1).
 */
public final class IdentityHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityHandler.class);
  private static final HttpString[] IDENTITY_HEADERS =
      IdentityHeaderAuthenticator.HEADERS.stream().map(HttpString::new).toArray(HttpString[]::new);

  private final TrustedProxies proxies;
  private final Authenticator authenticator;
  private final HttpHandler next;

  /**
   * @param proxies the peers whose identity headers are believed
   * @param authenticator finds callers; null for none
   * @param next the next handler
   */
  public IdentityHandler(TrustedProxies proxies, Authenticator authenticator, HttpHandler next) {
    this.proxies = Objects.requireNonNull(proxies, "proxies");
    this.authenticator = authenticator;
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    boolean trusted = proxies.any() && proxies.trusts(exchange.getSourceAddress());
    if (!trusted) {
      HeaderMap headers = exchange.getRequestHeaders();
      for (HttpString header : IDENTITY_HEADERS) {
        headers.remove(header);
      }
    }
    if (authenticator != null) {
      ResidentPrincipal principal = authenticate(exchange, trusted);
      if (principal != null) {
        Caller.attach(exchange, principal);
      }
    }
    next.handleRequest(exchange);
  }

  private ResidentPrincipal authenticate(HttpServerExchange exchange, boolean trusted) {
    try {
      return authenticator.authenticate(new ExchangeView(exchange, trusted));
    } catch (Exception e) {
      LOG.warn("{} failed on {} {}; the request is not signed in", authenticator, exchange.getRequestMethod(),
          exchange.getRelativePath(), e);
      return null;
    }
  }

  @Override
  public String toString() {
    return "identity(strip proxy identity headers unless from " + proxies
        + (authenticator == null ? "" : "; caller from " + authenticator) + ") -> " + next;
  }

  /** An exchange as an authenticator sees it. */
  private record ExchangeView(HttpServerExchange exchange, boolean fromTrustedProxy)
      implements Authenticator.Request {
    @Override
    public String method() {
      return exchange.getRequestMethod().toString();
    }

    @Override
    public String path() {
      return exchange.getRelativePath();
    }

    @Override
    public String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public List<String> headers(String name) {
      HeaderValues values = exchange.getRequestHeaders().get(name);
      return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public InetSocketAddress peer() {
      return exchange.getSourceAddress();
    }
  }
}
