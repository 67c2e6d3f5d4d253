package dev.resident.undertow.admin;

import dev.resident.undertow.accesslog.AccessLog;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.HostModules;
import dev.resident.undertow.metrics.MetricsHandler;
import dev.resident.undertow.metrics.MetricsScrape;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpHandler;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What a running host offers its operators (R-OPS-1..3): the records the admin API and metrics read, and
 * the main port's operations paths. Made by {@code ResidentHost} when it starts; closed when it stops.
 */
public final class HostOperations implements AutoCloseable {

  private final ApplicationRuntime application;
  private final HostClock clock;
  private final Executor worker;
  private final ThreadPoolExecutor requestPool;
  private final AdminAccess access;
  private final AccessLog accessLog;
  private final StartRecords starts;
  private final MetricsScrape scrape;

  /**
   * Makes the host's operations and starts recording instance starts; call before the application starts.
   *
   * @param application the application
   * @param clock the host's clock
   * @param worker runs admin calls and scrapes, never an I/O thread
   * @param requestPool the request threads, whose size metrics report
   * @param access who may use the operations paths
   * @param accessLog the access log, or null when it is off
   */
  public HostOperations(ApplicationRuntime application, HostClock clock, Executor worker,
      ThreadPoolExecutor requestPool, AdminAccess access, AccessLog accessLog) {
    this.application = Objects.requireNonNull(application, "application");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.requestPool = Objects.requireNonNull(requestPool, "requestPool");
    this.access = Objects.requireNonNull(access, "access");
    this.accessLog = accessLog;
    this.starts = new StartRecords(clock);
    application.addListener(starts);
    this.scrape = MetricsScrape.ifAvailable(this).orElse(null);
  }

  /**
   * Returns the main port's chain with the operations paths in front of it.
   *
   * @param next the main port's chain
   * @return the chain that answers {@code /_ah/admin…} and {@code /_ah/metrics} first
   */
  public HttpHandler mainPort(HttpHandler next) {
    ModulesView view = new ModulesView(application, starts, requestPool, clock);
    AdminApiHandler api = new AdminApiHandler(application, HostModules.of(application), view,
        accessLog == null ? null : accessLog.recent(), new AdminOperations(clock), worker);
    return new AdminPaths(access, new ConsoleHandler(), api, new MetricsHandler(scrape, worker),
        MetricsHandler.PATH, next);
  }

  /**
   * Returns the application.
   *
   * @return its running modules and versions
   */
  public ApplicationRuntime application() {
    return application;
  }

  /**
   * Returns the request threads.
   *
   * @return the pool
   */
  public ThreadPoolExecutor requestPool() {
    return requestPool;
  }

  /**
   * Returns the start records of the instances.
   *
   * @return starts, failed starts, last start results
   */
  public StartRecords starts() {
    return starts;
  }

  /**
   * Returns the access rule of the operations paths, for other features that serve operators.
   *
   * @return the rule
   */
  public AdminAccess access() {
    return access;
  }

  /**
   * Tells whether {@code /_ah/metrics} serves the Prometheus format.
   *
   * @return true when micrometer-registry-prometheus is on the classpath
   */
  public boolean prometheus() {
    return scrape != null;
  }

  /** Stops recording and removes the host's meters from its Prometheus registry. */
  @Override
  public void close() {
    application.removeListener(starts);
    if (scrape != null) {
      scrape.close();
    }
  }

  @Override
  public String toString() {
    return "host-operations(" + access + (scrape != null ? ", prometheus" : "") + ")";
  }
}
