package dev.resident.undertow.request;

import dev.resident.undertow.instance.Instance;
import io.undertow.server.HttpServerExchange;

/**
 * What the chain learnt about one request, for the access log (R-OPS-3): its id, its arrival, and the
 * instance it ran on and when. Read once the exchange is complete.
 */
public final class RequestFacts {

  private RequestFacts() {}

  /**
   * Returns the request id.
   *
   * @param exchange the request
   * @return the id, or null before {@link RequestIdHandler}
   */
  public static String requestId(HttpServerExchange exchange) {
    return exchange.getAttachment(RequestAttachments.REQUEST_ID);
  }

  /**
   * Returns when the request arrived, on the host's clock.
   *
   * @param exchange the request
   * @return nanoseconds, or {@link Long#MIN_VALUE} if unknown
   */
  public static long arrivalNanos(HttpServerExchange exchange) {
    Long arrival = exchange.getAttachment(RequestAttachments.ARRIVAL_NANOS);
    return arrival == null ? Long.MIN_VALUE : arrival;
  }

  /**
   * Returns the instance the request ran on, or else the instance that last held it (and turned it away).
   *
   * @param exchange the request
   * @return the instance, or null if no instance ever had it (answered by the host or its routing)
   */
  public static Instance instance(HttpServerExchange exchange) {
    ExchangeRequest request = exchange.getAttachment(RequestAttachments.PENDING_REQUEST);
    if (request == null) {
      return null;
    }
    Instance ran = request.ranOn();
    return ran != null ? ran : request.owner() instanceof Instance held ? held : null;
  }

  /**
   * Returns when the request began to run on its instance.
   *
   * @param exchange the request
   * @return nanoseconds on the host's clock, or {@link Long#MIN_VALUE} if it never ran
   */
  public static long runNanos(HttpServerExchange exchange) {
    ExchangeRequest request = exchange.getAttachment(RequestAttachments.PENDING_REQUEST);
    return request == null || request.ranOn() == null ? Long.MIN_VALUE : request.runNanos();
  }
}
