package dev.resident.undertow.deployment;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.servlet.api.ExceptionHandler;
import io.undertow.servlet.api.LoggingExceptionHandler;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 413 when a servlet or filter fails because it read a request body past {@code max_request_body}
 * (R-REQ-6): the host caps bodies of unknown length, and Undertow's read then throws a
 * {@link RequestTooBigException}, which the servlet container alone would turn into 500. The connection is
 * closed after the answer, since the rest of the body is unread. Every other exception is logged as Undertow
 * does and handled as usual.
 */
final class BodyLimitExceptionHandler implements ExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(BodyLimitExceptionHandler.class);

  @Override
  public boolean handleThrowable(
      HttpServerExchange exchange, ServletRequest request, ServletResponse response, Throwable throwable) {
    if (!causedByBodyLimit(throwable)) {
      return LoggingExceptionHandler.DEFAULT.handleThrowable(exchange, request, response, throwable);
    }
    LOG.debug("{} {}: the request body passed max_request_body", exchange.getRequestMethod(),
        exchange.getRequestPath(), throwable);
    exchange.setPersistent(false);
    if (!response.isCommitted()) {
      response.reset();
      exchange.setStatusCode(StatusCodes.REQUEST_ENTITY_TOO_LARGE);
    }
    return true;
  }

  private static boolean causedByBodyLimit(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof RequestTooBigException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "body-limit-exceptions(RequestTooBigException → 413)";
  }
}
