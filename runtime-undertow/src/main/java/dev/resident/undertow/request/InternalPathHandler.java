package dev.resident.undertow.request;

import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * Recognises the host's internal requests, and answers 404 to external requests for {@code /_ah/start},
 * {@code /_ah/stop} and {@code /_ah/background}, which never reach user code (R-LIFE-3).
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
    boolean internal = internalRequests.verify(exchange);
    if (!internal && isReserved(exchange.getRelativePath())) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.endExchange();
      return;
    }
    next.handleRequest(exchange);
  }

  static boolean isReserved(String path) {
    return reserved(path, "/_ah/start") || reserved(path, "/_ah/stop") || reserved(path, "/_ah/background");
  }

  private static boolean reserved(String path, String prefix) {
    return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }

  @Override
  public String toString() {
    return "internal-paths(/_ah/start, /_ah/stop, /_ah/background → 404 unless internal) -> " + next;
  }
}
