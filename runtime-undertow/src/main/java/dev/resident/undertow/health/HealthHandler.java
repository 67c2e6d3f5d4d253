package dev.resident.undertow.health;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * Answers {@code /_ah/health/live} and {@code /_ah/health/ready} on the I/O thread, before anything else
 * of the port's chain, so that a full or stopping instance still answers its probe; every other path goes
 * on (R-OPS-4). The first link of every port's chain.
 */
public final class HealthHandler implements HttpHandler {

  /** The prefix of the probes' paths. */
  public static final String PREFIX = "/_ah/health/";
  private static final String LIVE = PREFIX + "live";
  private static final String READY = PREFIX + "ready";

  private final HostLiveness liveness;
  private final Readiness readiness;
  private final HttpHandler next;

  /**
   * @param liveness whether the host runs
   * @param readiness what ready means on this port
   * @param next the rest of the chain
   */
  public HealthHandler(HostLiveness liveness, Readiness readiness, HttpHandler next) {
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    if (!path.startsWith(PREFIX)) {
      next.handleRequest(exchange);
      return;
    }
    if (LIVE.equals(path)) {
      boolean live = liveness.live();
      answer(exchange, live ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
          "{\"status\":\"" + (live ? "live" : "stopping") + "\"}");
    } else if (READY.equals(path)) {
      boolean ready = liveness.live() && readiness.ready();
      answer(exchange, ready ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
          "{\"status\":\"" + (ready ? "ready" : "not ready") + "\",\"target\":\"" + readiness.target() + "\"}");
    } else {
      answer(exchange, StatusCodes.NOT_FOUND, "{\"message\":\"Unknown probe; probes: " + LIVE + ", " + READY + "\"}");
    }
  }

  private static void answer(HttpServerExchange exchange, int status, String json) {
    if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
      status = StatusCodes.METHOD_NOT_ALLOWED;
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      json = "{\"message\":\"Health probes answer GET and HEAD\"}";
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(json + "\n");
  }

  @Override
  public String toString() {
    return "health(" + readiness.target() + ") -> " + next;
  }
}
