package dev.resident.undertow.accesslog;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * Records each request in the {@link AccessLog} once its exchange is complete, however it ended, on the
 * exchange's I/O thread after the request has given back its slot.
 */
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
    // Undertow runs completion listeners last-added first, and this one is added before the admission's,
    // so recording here would come between the connection's hand-over and the release of the request's
    // slot. It is queued on the exchange's I/O thread instead, and runs once the whole chain of listeners
    // has returned (R-PERF-1); the exchange stays readable after it completed.
    this.listener = (exchange, nextListener) -> {
      try {
        nextListener.proceed();
      } finally {
        record(exchange);
      }
    };
  }

  private void record(HttpServerExchange exchange) {
    try {
      exchange.getIoThread().execute(() -> log.completed(exchange));
    } catch (RejectedExecutionException closing) {
      log.completed(exchange);
    }
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
