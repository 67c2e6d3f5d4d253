package dev.resident.undertow.request;

import dev.resident.undertow.instance.RequestIds;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Objects;

/**
 * Gives every request a unique id, sent back as {@value #HEADER} on every response the chain writes,
 * whatever its status (R-REQ-7), and notes its arrival. The first link of the chain.
 */
public final class RequestIdHandler implements HttpHandler {

  /** The response header that carries the request id. */
  public static final String HEADER = RequestIds.HEADER;

  private static final HttpString HEADER_NAME = new HttpString(HEADER);

  private final RequestIds ids;
  private final dev.resident.undertow.time.HostClock clock;
  private final HttpHandler next;

  /**
   * @param ids makes the ids
   * @param clock stamps the arrival
   * @param next the next handler
   */
  public RequestIdHandler(RequestIds ids, dev.resident.undertow.time.HostClock clock, HttpHandler next) {
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String id = ids.next();
    exchange.putAttachment(RequestAttachments.REQUEST_ID, id);
    exchange.putAttachment(RequestAttachments.ARRIVAL_NANOS, clock.nanoTime());
    RequestBreakdown.parsed(exchange);
    exchange.getResponseHeaders().put(HEADER_NAME, id);
    // Again at commit: response.reset() and the servlet container's error handling clear the headers.
    exchange.addResponseCommitListener(ex -> ex.getResponseHeaders().put(HEADER_NAME, id));
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "request-id -> " + next;
  }
}
