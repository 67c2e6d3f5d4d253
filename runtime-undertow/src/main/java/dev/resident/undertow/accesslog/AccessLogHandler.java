package dev.resident.undertow.accesslog;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ResponseCommitListener;
import io.undertow.util.AttachmentKey;
import java.util.Objects;

/**
 * Records each request in the {@link AccessLog} once its exchange is complete, however it ended, after
 * the request has given back its slot.
 *
 * <p>Undertow runs completion listeners last-added first, each around the ones added before it. A
 * listener added here, at the front of the chain, would record between the connection's hand-over and the
 * release of the request's slot by the admission's listener, added later. So the recording listener is
 * added when the response commits, after every other, and records once the others have returned; the
 * front listener records only requests whose response never committed (a client that left while its
 * request waited). Both listeners are shared: a request allocates nothing for them.
 */
public final class AccessLogHandler implements HttpHandler {

  private static final AttachmentKey<Boolean> COMMITTED = AttachmentKey.create(Boolean.class);

  private final AccessLog log;
  private final HttpHandler next;
  private final ExchangeCompletionListener afterAll;
  private final ResponseCommitListener atCommit;
  private final ExchangeCompletionListener uncommitted;

  /**
   * @param log where requests go
   * @param next the next handler
   */
  public AccessLogHandler(AccessLog log, HttpHandler next) {
    this.log = Objects.requireNonNull(log, "log");
    this.next = Objects.requireNonNull(next, "next");
    this.afterAll = (exchange, nextListener) -> {
      try {
        nextListener.proceed();
      } finally {
        log.completed(exchange);
      }
    };
    this.atCommit = exchange -> {
      if (exchange.putAttachment(COMMITTED, Boolean.TRUE) == null) {
        exchange.addExchangeCompleteListener(afterAll);
      }
    };
    this.uncommitted = (exchange, nextListener) -> {
      try {
        nextListener.proceed();
      } finally {
        if (exchange.getAttachment(COMMITTED) == null) {
          log.completed(exchange);
        }
      }
    };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addExchangeCompleteListener(uncommitted);
    exchange.addResponseCommitListener(atCommit);
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "access-log -> " + next;
  }
}
