package dev.resident.undertow.accesslog;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/** Records each request in the {@link AccessLog} once its exchange is complete, however it ended. */
public final class AccessLogHandler implements HttpHandler {

  private final AccessLog log;
  private final HttpHandler next;
  private final ExchangeCompletionListener listener;

  /**
   * @param log where requests go
   * @param next the next handler
   */
  public AccessLogHandler(AccessLog log, HttpHandler next) {
    this.log = Objects.requireNonNull(log, "log");
    this.next = Objects.requireNonNull(next, "next");
    this.listener = (exchange, nextListener) -> {
      // The connection goes to its next request first (R-PERF-1); the exchange stays readable after.
      try {
        nextListener.proceed();
      } finally {
        log.completed(exchange);
      }
    };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addExchangeCompleteListener(listener);
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "access-log -> " + next;
  }
}
