package dev.resident.bench;

import dev.resident.api.RuntimeStats;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server JVM of R-PERF-2, started by {@link ParkedRequests}: a Resident host with one manual instance of
 * one slot, and a command loop on standard input so that the driver can measure this JVM alone.
 *
 * <p>Arguments: the pending timeout in milliseconds and {@code max_pending_requests}. It prints
 * {@code port N} once the instance serves, then answers each command with one line of {@code key=value}
 * pairs: {@code measure} (after full GCs: heap used, direct buffers used, live threads, requests active
 * and pending), {@code count} (the same without GC), {@code open} (lets one {@code /block} request
 * through), {@code quit}.
 */
public final class ParkedServer {

  private ParkedServer() {}

  public static void main(String[] args) throws Exception {
    Duration timeout = Duration.ofMillis(Long.parseLong(args[0]));
    int maxPending = Integer.parseInt(args[1]);
    GateServlet servlet = new GateServlet();
    try (ResidentHost host = ResidentHost.builder()
        .version(VersionBuilder.manual("default", "v1", 1)
            .maxConcurrentRequests(1)
            .maxPendingRequests(maxPending)
            .pendingTimeout(timeout)
            .build())
        .handlers("default", h -> h.servlet("/*", GateServlet.class, () -> servlet))
        .port(0)
        .build()) {
      host.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (host.instanceState("default", "v1", "0") != InstanceState.SERVING) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The instance did not serve within 30 s");
        }
        Thread.sleep(5);
      }
      System.out.println("port " + host.port());
      System.out.flush();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
      for (String command; (command = commands.readLine()) != null && !command.equals("quit"); ) {
        switch (command) {
          case "measure" -> reply(figures(host, true));
          case "count" -> reply(figures(host, false));
          case "open" -> {
            servlet.open();
            reply("opened=1");
          }
          default -> reply("error=unknown-command");
        }
      }
    }
  }

  private static String figures(ResidentHost host, boolean collect) throws InterruptedException {
    if (collect) {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
    }
    RuntimeStats stats = host.stats("default", "v1", "0");
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    return "heap=" + heap + " direct=" + direct + " threads=" + threads + " active=" + stats.getRequestsActive()
        + " pending=" + stats.getRequestsPending();
  }

  private static void reply(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
