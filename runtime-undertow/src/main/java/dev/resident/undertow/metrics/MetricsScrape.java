package dev.resident.undertow.metrics;

import dev.resident.undertow.admin.HostOperations;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/** The text of {@code /_ah/metrics}, from a registry the host keeps; free of Micrometer types. */
public interface MetricsScrape extends AutoCloseable {

  /** The class the Prometheus registry needs, looked for before anything of Micrometer is loaded. */
  String PROMETHEUS_REGISTRY = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

  /**
   * Returns the meters in the Prometheus text format.
   *
   * @return the text
   */
  String scrape();

  /**
   * Returns the content type of {@link #scrape()}.
   *
   * @return the Prometheus text format's type
   */
  String contentType();

  /** Removes the host's meters and closes the registry. */
  @Override
  void close();

  /**
   * Makes the host's Prometheus scrape when micrometer-registry-prometheus is on the classpath.
   *
   * @param operations the host's operations
   * @return the scrape, or empty without the registry
   */
  static Optional<MetricsScrape> ifAvailable(HostOperations operations) {
    ClassLoader loader = MetricsScrape.class.getClassLoader();
    try {
      Class.forName(PROMETHEUS_REGISTRY, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    try {
      // By name, so that nothing of Micrometer is loaded unless it is there.
      Class<?> type = Class.forName(MetricsScrape.class.getPackageName() + ".PrometheusScrape", true, loader);
      return Optional.of((MetricsScrape) type.getConstructor(HostOperations.class).newInstance(operations));
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("Cannot make the Prometheus registry: " + cause, cause);
    }
  }
}
