package dev.resident.undertow.accesslog;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;

/**
 * Records each request in the {@link AccessLog} once its exchange is complete, however it ended: answered,
 * turned away, or left by its client while it waited.
 *
 * <p>Undertow runs completion listeners last-added first, each around the ones added before it, and hands
 * the connection to its next request at the end of the chain. The listener added here is the first, so it
 * records after that hand-over, and the listeners added later (the deadline's, the admission's) finish
 * after it. One listener, shared by every request: a request allocates nothing for it and adds no response
 * wrapper (R-PERF-1).
 */
public final class AccessLogHandler implements HttpHandler {

  private final HttpHandler next;
  private final ExchangeCompletionListener recorder;

  /**
   * @param log where requests go
   * @param next the next handler
   */
  public AccessLogHandler(AccessLog log, HttpHandler next) {
    Objects.requireNonNull(log, "log");
    this.next = Objects.requireNonNull(next, "next");
    this.recorder = (exchange, nextListener) -> {
      try {
        nextListener.proceed();
      } finally {
        log.completed(exchange);
      }
    };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addExchangeCompleteListener(recorder);
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "access-log -> " + next;
  }
}
