package dev.resident.undertow.request;

import dev.resident.undertow.security.CanonicalPath;
import dev.resident.undertow.security.Refusal;
import dev.resident.undertow.security.SignatureCheck;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * Recognises internal requests by their signature and refuses (401) a request whose signature header is
 * present but not accepted (R-SEC-3); answers 404 to external requests for {@code /_ah/} paths, which
 * are the host's own and never reach user code (R-LIFE-3, R-SEC-1). The host's own endpoints
 * ({@code /_ah/health} on every port; {@code /_ah/admin} and {@code /_ah/metrics} on the main port) are
 * answered by handlers in front of this one, so whatever {@code /_ah/} path comes this far is not one.
 */
public final class InternalPathHandler implements HttpHandler {

  private final InternalRequests internalRequests;
  private final HttpHandler next;

  /**
   * @param internalRequests verifies the internal header
   * @param next the next handler
   */
  public InternalPathHandler(InternalRequests internalRequests, HttpHandler next) {
    this.internalRequests = Objects.requireNonNull(internalRequests, "internalRequests");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    SignatureCheck check = internalRequests.verify(exchange);
    if (check.refused()) {
      Refusal.send(exchange, StatusCodes.UNAUTHORIZED, check.reason());
      return;
    }
    if (check != SignatureCheck.VALID && isReserved(exchange.getRelativePath())) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.endExchange();
      return;
    }
    next.handleRequest(exchange);
  }

  static boolean isReserved(String path) {
    if (!mentionsAh(path)) {
      return false;
    }
    String p = CanonicalPath.of(path);
    return p.regionMatches(true, 0, "/_ah", 0, 4) && (p.length() == 4 || p.charAt(4) == '/');
  }

  /** Whether {@code _ah} occurs in the path in any case: a cheap test before canonicalising it. */
  private static boolean mentionsAh(String path) {
    for (int i = path.indexOf('_'); i >= 0 && i + 2 < path.length(); i = path.indexOf('_', i + 1)) {
      if ((path.charAt(i + 1) | 0x20) == 'a' && (path.charAt(i + 2) | 0x20) == 'h') {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "internal-paths(verify signature, bad one → 401; /_ah/* → 404 unless internal) -> " + next;
  }
}
