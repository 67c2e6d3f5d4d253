package dev.resident.bench;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
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

    ResidentHost host = ResidentHost.builder()
        .version(VersionBuilder.manual("default", "v1", 1)
            .maxConcurrentRequests(Integer.getInteger("bench.slots", SLOTS))
            .requestDeadline(Duration.ofSeconds(60))
            .build())
        .handlers("default", h -> h.servlet("/*", HelloServlet.class))
        .port(0)
        .build();
    host.start();
    Runtime.getRuntime().addShutdownHook(new Thread(bare::stop, "bare-undertow-stop"));

    writePorts(Path.of(args[0]), barePort, host.port());
    new CountDownLatch(1).await();
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

  private static void writePorts(Path file, int bare, int resident) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, "bare " + bare + "\nresident " + resident + "\n", StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
