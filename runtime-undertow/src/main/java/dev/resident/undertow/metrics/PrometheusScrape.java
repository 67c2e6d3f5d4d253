package dev.resident.undertow.metrics;

import dev.resident.undertow.admin.HostOperations;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The host's own Prometheus registry with {@link ResidentMetrics} bound; made by name by {@link
 * MetricsScrape#ifAvailable} only when micrometer-registry-prometheus is on the classpath.
 */
final class PrometheusScrape implements MetricsScrape {

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ResidentMetrics metrics;

  /**
   * @param operations the host's operations
   */
  public PrometheusScrape(HostOperations operations) {
    this.metrics = ResidentMetrics.of(operations);
    metrics.bindTo(registry);
  }

  @Override
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public void close() {
    metrics.close();
    registry.close();
  }

  @Override
  public String toString() {
    return "prometheus-scrape";
  }
}
