package dev.resident.undertow.routing;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/** Sends every request of a version's or an instance's own port to that version or instance (R-HOST-3). */
public final class FixedTargetHandler implements HttpHandler {

  private final RequestTarget target;
  private final HttpHandler next;

  /**
   * @param target where every request goes
   * @param next the next handler
   */
  public FixedTargetHandler(RequestTarget target, HttpHandler next) {
    this.target = Objects.requireNonNull(target, "target");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    target.attachTo(exchange);
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    String where = target.version().config().key() + (target.slot() == null ? "" : "/" + target.slot().id());
    return "target(" + where + ") -> " + next;
  }
}
