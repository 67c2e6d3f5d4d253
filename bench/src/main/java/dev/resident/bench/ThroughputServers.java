package dev.resident.bench;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.request.RequestBreakdown;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * R-PERF-1: one JVM serves {@link HelloServlet} twice on loopback, on bare Undertow and through a whole
 * Resident host, until the JVM is stopped (SIGTERM). Writes {@code bare <port>} and {@code resident <port>}
 * to the file named by its one argument once both answer; {@code run.sh} points {@code wrk} at them.
 *
 * <p>The Resident side is a manual version with one instance, reached through the main port: routing
 * (main-port router), admission ({@value #SLOTS} slots unless the system property {@code bench.slots} says
 * otherwise, so that 50 connections never queue), a 60 s request deadline armed and disarmed per request,
 * response buffering, request limits, the bound environment and MDC, CPU accounting, request ids.
 *
 * <p>Operations (R-OPS-3), with the system property {@code bench.ops} ({@code run.sh}: {@code BENCH_OPS}):
 * {@code off} (default) turns the access log off; {@code on} keeps it on (a line per request on
 * {@code dev.resident.access}, into the server's log file, and the recent-requests list) and scrapes
 * {@code /_ah/metrics} once a second, as Prometheus would; {@code file} is {@code on} with the lines in the
 * access log's own file (the system property {@code bench.access_log}) instead of the logger. The host's Prometheus registry is bound either
 * way (it is on the classpath): its meters read counters the host updates for every request regardless.
 */
public final class ThroughputServers {

  /** Slots of the Resident instance by default: more than the connections wrk opens, so nothing waits. */
  static final int SLOTS = 100;

  private ThroughputServers() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ThroughputServers PORTS_FILE");
    }
    Undertow bare = bareUndertow();
    bare.start();
    int barePort = ((InetSocketAddress) bare.getListenerInfo().get(0).getAddress()).getPort();

    String opsMode = System.getProperty("bench.ops", "off");
    boolean ops = !"off".equals(opsMode);
    ResidentHost.Builder builder = ResidentHost.builder().accessLog(ops);
    if ("file".equals(opsMode)) {
      builder.accessLogFile(Path.of(System.getProperty("bench.access_log", "access.log")));
    }
    ResidentHost host = builder
        .version(VersionBuilder.manual("default", "v1", 1)
            .maxConcurrentRequests(Integer.getInteger("bench.slots", SLOTS))
            .requestDeadline(Duration.ofSeconds(60))
            .build())
        .handlers("default", h -> h.servlet("/*", HelloServlet.class))
        .port(0)
        .build();
    host.start();
    if (ops) {
      scrapeEverySecond(host.port());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(bare::stop, "bare-undertow-stop"));

    int controlPort = RequestBreakdown.enabled() ? breakdownControl() : 0;
    writePorts(Path.of(args[0]), barePort, host.port(), controlPort);
    new CountDownLatch(1).await();
  }

  /** Reads /_ah/metrics once a second on a daemon thread, as a Prometheus server would. */
  private static void scrapeEverySecond(int port) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest scrape = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + "/_ah/metrics")).timeout(Duration.ofSeconds(5)).build();
    java.util.concurrent.Executors.newSingleThreadScheduledExecutor(body -> {
      Thread thread = new Thread(body, "bench-scrape");
      thread.setDaemon(true);
      return thread;
    }).scheduleAtFixedRate(() -> {
      try {
        client.send(scrape, java.net.http.HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        System.err.println("scrape failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** The plainest embedding: one servlet deployment behind {@code Undertow.builder()} with its defaults. */
  private static Undertow bareUndertow() throws Exception {
    DeploymentInfo info = Servlets.deployment()
        .setClassLoader(ThroughputServers.class.getClassLoader())
        .setContextPath("/")
        .setDeploymentName("bare")
        .addServlet(Servlets.servlet("hello", HelloServlet.class).addMapping("/*"));
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(info);
    manager.deploy();
    HttpHandler handler = manager.start();
    return Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
  }

  /**
   * With the request breakdown on (issue 15), a third listener that {@code run.sh} asks, around each
   * Resident run: {@code /reset} forgets what was recorded, {@code /report} answers the table.
   */
  private static int breakdownControl() {
    Undertow control = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
      if (exchange.getRelativePath().equals("/reset")) {
        RequestBreakdown.reset();
      } else {
        exchange.getResponseSender().send(RequestBreakdown.report());
      }
    }).build();
    control.start();
    return ((InetSocketAddress) control.getListenerInfo().get(0).getAddress()).getPort();
  }

  private static void writePorts(Path file, int bare, int resident, int control) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, "bare " + bare + "\nresident " + resident + "\ncontrol " + control + "\n",
        StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
