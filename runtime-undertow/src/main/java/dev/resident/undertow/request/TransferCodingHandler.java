package dev.resident.undertow.request;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses a request whose {@code Transfer-Encoding} is anything but {@code chunked}, and closes its
 * connection, so that no other reading of where its body ends can smuggle a second request (R-SEC-4,
 * RFC 9112 section 6): chunked not the last coding, or given twice → 400; other codings before a final
 * chunked → 501, as the host decodes none.
 *
 * <p>Undertow itself answers 400 and closes before any handler runs when {@code Content-Length} and
 * {@code Transfer-Encoding} are both given, when either header comes twice, or when a
 * {@code Content-Length} is not a number; but it reads any other {@code Transfer-Encoding} value as
 * chunked.
 */
public final class TransferCodingHandler implements HttpHandler {

  private static final String CHUNKED = "chunked";

  private final HttpHandler next;

  /**
   * @param next the next handler
   */
  public TransferCodingHandler(HttpHandler next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderValues codings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
    int status = codings == null ? 0 : refusal(String.join(",", codings));
    if (status == 0) {
      next.handleRequest(exchange);
      return;
    }
    exchange.setPersistent(false);
    exchange.setStatusCode(status);
    // The body is never read: its end is what cannot be known.
    Connectors.terminateRequest(exchange);
    exchange.endExchange();
  }

  /** The status that refuses a {@code Transfer-Encoding} value, or 0 when it is a single {@code chunked}. */
  static int refusal(String value) {
    String[] codings = value.split(",", -1);
    int chunked = 0;
    for (String coding : codings) {
      if (coding.trim().toLowerCase(Locale.ROOT).equals(CHUNKED)) {
        chunked++;
      }
    }
    boolean lastIsChunked = codings[codings.length - 1].trim().equalsIgnoreCase(CHUNKED);
    if (!lastIsChunked || chunked > 1) {
      return StatusCodes.BAD_REQUEST;
    }
    return codings.length > 1 ? StatusCodes.NOT_IMPLEMENTED : 0;
  }

  @Override
  public String toString() {
    return "transfer-coding(chunked only) -> " + next;
  }
}
