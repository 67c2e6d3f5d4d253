package dev.resident.undertow.request;

import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code X-AppEngine-FailFast} (R-REQ-3), marks task requests, and strips every other
 * {@code X-AppEngine-*} header from external requests before user code can see it (R-REQ-8).
 */
public final class AppEngineHeadersHandler implements HttpHandler {

  private static final HttpString FAILFAST = new HttpString("X-AppEngine-FailFast");
  private static final HttpString TASK_NAME = new HttpString("X-AppEngine-TaskName");
  private static final HttpString QUEUE_NAME = new HttpString("X-AppEngine-QueueName");
  private static final String PREFIX = "x-appengine-";

  private final HttpHandler next;

  /** @param next the next handler */
  public AppEngineHeadersHandler(HttpHandler next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderMap headers = exchange.getRequestHeaders();
    String failfast = headers.getFirst(FAILFAST);
    if (failfast != null && !failfast.equalsIgnoreCase("false")) {
      exchange.putAttachment(RequestAttachments.FAILFAST, Boolean.TRUE);
    }
    if (InternalRequests.isInternal(exchange)) {
      if (headers.contains(TASK_NAME) || headers.contains(QUEUE_NAME)) {
        exchange.putAttachment(RequestAttachments.TASK, Boolean.TRUE);
      }
    } else {
      stripAppEngineHeaders(headers);
    }
    next.handleRequest(exchange);
  }

  private static void stripAppEngineHeaders(HeaderMap headers) {
    List<HttpString> strip = null;
    for (HeaderValues values : headers) {
      HttpString name = values.getHeaderName();
      if (hasPrefix(name)) {
        if (strip == null) {
          strip = new ArrayList<>(2);
        }
        strip.add(name);
      }
    }
    if (strip != null) {
      strip.forEach(headers::remove);
    }
  }

  /** Compares the name's first bytes with {@code x-appengine-}, ignoring case, without making a String. */
  private static boolean hasPrefix(HttpString name) {
    if (name.length() < PREFIX.length()) {
      return false;
    }
    for (int i = 0; i < PREFIX.length(); i++) {
      if (Character.toLowerCase((char) (name.byteAt(i) & 0xff)) != PREFIX.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "appengine-headers(failfast, strip external X-AppEngine-*) -> " + next;
  }
}
