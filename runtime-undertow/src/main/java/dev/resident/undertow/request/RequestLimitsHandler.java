package dev.resident.undertow.request;

import dev.resident.undertow.config.ResidentSettings;
import dev.resident.undertow.routing.RequestTarget;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the request limits of the version routing chose (R-REQ-6), before admission: a header field
 * whose name and value together are longer than {@code max_header_size} gets 400; a declared
 * {@code Content-Length} over {@code max_request_body} gets 413 without a byte of the body being read. Any
 * other body is counted as it is read ({@link BodyLimitConduit}): the read that passes
 * {@code max_request_body} fails, and the servlet deployment turns that failure into 413. Every such answer
 * closes the connection, since the body is left unread.
 */
public final class RequestLimitsHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLimitsHandler.class);

  private final HttpHandler next;

  /** @param next the next handler */
  public RequestLimitsHandler(HttpHandler next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    ResidentSettings settings = RequestTarget.of(exchange).version().config().settings();
    int headerLimit = settings.maxHeaderBytes();
    String oversizeField = oversizeHeaderField(exchange, headerLimit);
    if (oversizeField != null) {
      reject(exchange, StatusCodes.BAD_REQUEST, "header field " + oversizeField + " is longer than max_header_size "
          + headerLimit);
      return;
    }
    long bodyLimit = settings.maxRequestBodyBytes();
    long declared = exchange.getRequestContentLength();
    if (declared > bodyLimit) {
      reject(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "Content-Length " + declared
          + " is over max_request_body " + bodyLimit);
      return;
    }
    if (!exchange.isRequestComplete()) {
      exchange.addRequestWrapper((factory, ex) -> new BodyLimitConduit(factory.create(), ex, bodyLimit));
    }
    next.handleRequest(exchange);
  }

  /** Returns the name of the first field whose name plus value is longer than the limit, or null. */
  private static String oversizeHeaderField(HttpServerExchange exchange, int limit) {
    for (HeaderValues values : exchange.getRequestHeaders()) {
      int nameLength = values.getHeaderName().length();
      for (String value : values) {
        if (nameLength + value.length() > limit) {
          return values.getHeaderName().toString();
        }
      }
    }
    return null;
  }

  private static void reject(HttpServerExchange exchange, int status, String why) {
    LOG.debug("Request {} gets {}: {}", exchange.getAttachment(RequestAttachments.REQUEST_ID), status, why);
    exchange.setPersistent(false);
    exchange.setStatusCode(status);
    exchange.endExchange();
  }

  @Override
  public String toString() {
    return "request-limits(header field > max_header_size → 400, body > max_request_body → 413) -> " + next;
  }
}
