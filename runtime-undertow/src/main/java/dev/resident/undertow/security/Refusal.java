package dev.resident.undertow.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/** Ends a refused request with its status and a short reason in plain text; no user code runs. */
public final class Refusal {

  /** The response header that names why the host refused a request. */
  public static final HttpString HEADER = new HttpString("X-Resident-Refused");

  private Refusal() {}

  /**
   * Answers a request with a status and a reason, and ends it.
   *
   * @param exchange the request
   * @param status such as 401
   * @param reason a short reason, shown to the client
   */
  public static void send(HttpServerExchange exchange, int status, String reason) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseHeaders().put(HEADER, reason);
    exchange.getResponseSender().send(reason + "\n");
  }
}
