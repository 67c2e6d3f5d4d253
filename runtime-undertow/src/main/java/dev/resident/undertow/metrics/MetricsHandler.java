package dev.resident.undertow.metrics;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Serves {@code /_ah/metrics}: the Prometheus text of the host's meters, made on a worker thread; 404 with
 * a JSON message when micrometer-registry-prometheus is not on the classpath (R-OPS-3).
 */
public final class MetricsHandler implements HttpHandler {

  /** The path. */
  public static final String PATH = "/_ah/metrics";

  private final MetricsScrape scrape;
  private final Executor worker;

  /**
   * @param scrape the scrape, or null when Prometheus is not on the classpath
   * @param worker runs the scrape
   */
  public MetricsHandler(MetricsScrape scrape, Executor worker) {
    this.scrape = scrape;
    this.worker = Objects.requireNonNull(worker, "worker");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      exchange.endExchange();
      return;
    }
    if (scrape == null) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send("{\"status\":404,\"message\":\"No Prometheus registry: put"
          + " io.micrometer:micrometer-registry-prometheus on the classpath\"}\n");
      return;
    }
    exchange.dispatch(worker, ex -> {
      String text = scrape.scrape();
      ex.getResponseHeaders().put(Headers.CONTENT_TYPE, scrape.contentType());
      ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
      ex.getResponseSender().send(text);
    });
  }

  @Override
  public String toString() {
    return "metrics(" + PATH + (scrape == null ? ", no registry" : "") + ")";
  }
}
