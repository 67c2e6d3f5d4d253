package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.RuntimeStats;
import dev.resident.api.ThreadManager;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.config.InstanceClass;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuntimeStatsTest {

  private static final Duration BURN = Duration.ofMillis(50);

  private final VirtualClock clock = new VirtualClock();
  private final Recorder recorder = new Recorder();
  private final CountDownLatch gate = new CountDownLatch(1);
  private ResidentHost host;

  /**
   * {@code /stats} answers {@code RuntimeStats.current()}, {@code /block} waits for the gate, {@code /burn}
   * uses {@link #BURN} of CPU (then waits for the gate with {@code ?hold}), {@code /bg?count=N} starts
   * background threads that wait for the gate, {@code /bg-burn} starts one that uses {@link #BURN} of CPU
   * and ends.
   */
  static final class StatsServlet extends GatedServlet {
    StatsServlet(Recorder recorder, CountDownLatch gate) {
      super(recorder, gate);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      recorder.record(req.getRequestURI());
      switch (req.getRequestURI()) {
        case "/stats" -> {
          RuntimeStats stats = RuntimeStats.current();
          resp.getWriter().print("active=" + stats.getRequestsActive() + " pending=" + stats.getRequestsPending()
              + " limit=" + stats.getMemoryLimitBytes() + " rejections=" + stats.getRejections().keySet()
              + " uptime=" + stats.getUptime());
        }
        case "/block" -> awaitGate();
        case "/burn" -> {
          long burned = burn();
          recorder.record("burned " + burned);
          if (req.getParameter("hold") != null) {
            awaitGate();
          }
        }
        case "/bg" -> {
          for (int i = 0; i < Integer.parseInt(req.getParameter("count")); i++) {
            ThreadManager.createBackgroundThread(this::awaitGate).start();
          }
        }
        case "/bg-burn" -> ThreadManager.createBackgroundThread(() -> recorder.record("bg burned " + burn())).start();
        default -> resp.setStatus(204);
      }
    }
  }

  /** Uses {@link #BURN} of this thread's CPU in a loop, for at most 10 s of real time; returns the CPU used. */
  static long burn() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() - start < BURN.toNanos() && System.nanoTime() - giveUp < 0) {
      for (int i = 0; i < 10_000; i++) {
        sink = sink * 31 + i;
      }
    }
    return sink == 42 ? 0 : threads.getCurrentThreadCpuTime() - start;
  }

  @AfterEach
  void stop() {
    gate.countDown();
    if (host != null) {
      host.stop();
    }
  }

  private int start(VersionBuilder worker) {
    host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(worker.build())
        .handlers("worker", h -> h.servlet("/*", StatsServlet.class, () -> new StatsServlet(recorder, gate)))
        .build();
    host.start();
    Await.until("worker serves", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING);
    return host.instancePort("worker", "v1", "0");
  }

  private RuntimeStats stats() {
    return host.stats("worker", "v1", "0");
  }

  @Test
  @DisplayName("R-API-5 requests total, active and pending, inside a servlet and from outside")
  void requestCounts() {
    int port = start(VersionBuilder.manual("worker", "v1", 1).maxConcurrentRequests(1));
    Await.until("the start request is counted", () -> stats().getRequestsTotal() == 1);
    assertThat(Http.get(port, "/stats").body()).startsWith("active=1 pending=0 ");

    CompletableFuture<HttpResponse<String>> blocked = Http.getAsync(port, "/block");
    Await.until("the only slot is taken", () -> recorder.saw("/block"));
    CompletableFuture<HttpResponse<String>> waiting = Http.getAsync(port, "/stats");
    Await.until("one request waits", () -> stats().getRequestsPending() == 1);
    assertThat(stats().getRequestsActive()).isEqualTo(1);
    Await.until("the first /stats is counted", () -> stats().getRequestsTotal() == 2);

    gate.countDown();
    assertThat(blocked.orTimeout(20, TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
    assertThat(waiting.orTimeout(20, TimeUnit.SECONDS).join().body()).startsWith("active=1 pending=0 ");
    Await.until("every request is counted", () -> stats().getRequestsTotal() == 4);
    assertThat(stats().getRequestsActive()).isZero();
    assertThat(stats().getRequestsPending()).isZero();
  }

  @Test
  @DisplayName("R-API-5 rejections by reason: every key present, counts of queue-full, failfast and pending-timeout")
  void rejectionsByReason() {
    int port = start(VersionBuilder.manual("worker", "v1", 1).maxConcurrentRequests(1).maxPendingRequests(1)
        .pendingTimeout(Duration.ofSeconds(10)));
    assertThat(stats().getRejections()).containsOnlyKeys(
        "pending-timeout", "queue-full", "failfast", "stopping", "start-failed");
    assertThat(stats().getRejections().values()).containsOnly(0L);
    assertThat(Http.get(port, "/stats").body()).contains(
        "rejections=[pending-timeout, queue-full, failfast, stopping, start-failed]");

    CompletableFuture<HttpResponse<String>> blocked = Http.getAsync(port, "/block");
    Await.until("the only slot is taken", () -> recorder.saw("/block"));
    CompletableFuture<HttpResponse<String>> timesOut = Http.getAsync(port, "/late");
    Await.until("one request waits", () -> stats().getRequestsPending() == 1);
    HttpResponse<String> full = Http.get(port, "/full");
    assertThat(full.headers().firstValue(Rejection.HEADER)).hasValue("queue-full");
    HttpResponse<String> failfast = Http.get(port, "/failfast", "X-AppEngine-FailFast", "true");
    assertThat(failfast.headers().firstValue(Rejection.HEADER)).hasValue("failfast");
    clock.advance(Duration.ofSeconds(10));
    assertThat(timesOut.orTimeout(20, TimeUnit.SECONDS).join().headers().firstValue(Rejection.HEADER))
        .hasValue("pending-timeout");

    assertThat(stats().getRejections()).isEqualTo(Map.of(
        "pending-timeout", 1L, "queue-full", 1L, "failfast", 1L, "stopping", 0L, "start-failed", 0L));
    gate.countDown();
    assertThat(blocked.orTimeout(20, TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("R-API-5 latency percentiles are measured on the host's clock from arrival to the end of the exchange")
  void latencyOnTheHostClock() {
    int port = start(VersionBuilder.manual("worker", "v1", 1).maxConcurrentRequests(2));
    Await.until("the start request is counted", () -> stats().getRequestsTotal() == 1);
    assertThat(stats().getLatencyP50()).isZero();
    assertThat(stats().getLatencyP99()).isZero();

    CompletableFuture<HttpResponse<String>> first = Http.getAsync(port, "/block");
    CompletableFuture<HttpResponse<String>> second = Http.getAsync(port, "/block");
    Await.until("both requests run", () -> recorder.count("/block") == 2);
    clock.advance(Duration.ofMillis(250));
    gate.countDown();
    first.orTimeout(20, TimeUnit.SECONDS).join();
    second.orTimeout(20, TimeUnit.SECONDS).join();
    Await.until("both requests are counted", () -> stats().getRequestsTotal() == 3);

    assertThat(stats().getLatencyP50()).isEqualTo(Duration.ofMillis(250));
    assertThat(stats().getLatencyP99()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  @DisplayName("R-API-5 on the system clock, latency percentiles are above zero after requests")
  void latencyOnTheSystemClock() {
    host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 1).build())
        .handlers("worker", h -> h.servlet("/*", StatsServlet.class, () -> new StatsServlet(recorder, gate)))
        .build();
    host.start();
    Await.until("worker serves", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING);
    for (int i = 0; i < 20; i++) {
      assertThat(Http.get(host.instancePort("worker", "v1", "0"), "/x").statusCode()).isEqualTo(204);
    }
    Await.until("the requests are counted", () -> stats().getRequestsTotal() == 21);
    assertThat(stats().getLatencyP50()).isPositive();
    assertThat(stats().getLatencyP99()).isGreaterThanOrEqualTo(stats().getLatencyP50());
  }

  @Test
  @DisplayName("R-API-5 CPU time grows with a CPU-burning request, already while it runs")
  void cpuTimeOfRequests() {
    int port = start(VersionBuilder.manual("worker", "v1", 1));
    Duration before = stats().getCpuTime();

    assertThat(Http.get(port, "/burn").statusCode()).isEqualTo(200);
    assertThat(stats().getCpuTime().minus(before)).isGreaterThanOrEqualTo(BURN);

    Duration afterFirst = stats().getCpuTime();
    CompletableFuture<HttpResponse<String>> held = Http.getAsync(port, "/burn?hold");
    Await.until("the second burn is done", () -> recorder.count("/burn") == 2 && recorder.events.stream()
        .filter(e -> e.startsWith("burned ")).count() == 2);
    assertThat(stats().getCpuTime().minus(afterFirst)).as("CPU of a request still in flight")
        .isGreaterThanOrEqualTo(BURN);
    gate.countDown();
    held.orTimeout(20, TimeUnit.SECONDS).join();
  }

  @Test
  @DisplayName("R-API-5 CPU time of a background thread still counts after the thread ended")
  void cpuTimeOfBackgroundThreads() {
    int port = start(VersionBuilder.manual("worker", "v1", 1));
    Duration before = stats().getCpuTime();
    assertThat(Http.get(port, "/bg-burn").statusCode()).isEqualTo(200);
    Await.until("the background thread ended", () -> recorder.events.stream().anyMatch(e -> e.startsWith("bg burned"))
        && stats().getBackgroundThreads() == 0);
    assertThat(stats().getCpuTime().minus(before)).isGreaterThanOrEqualTo(BURN);
  }

  @Test
  @DisplayName("R-API-5, R-MOD-4 memory limit of the instance class (B8: 1024 MB), heap used, uptime on the host clock")
  void memoryAndUptime() {
    int port = start(VersionBuilder.manual("worker", "v1", 1).instanceClass(InstanceClass.B8));
    assertThat(stats().getMemoryLimitBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(stats().getHeapUsedBytes()).isPositive();
    assertThat(Http.get(port, "/stats").body()).contains(" limit=" + 1024L * 1024 * 1024 + " ");

    Duration before = stats().getUptime();
    clock.advance(Duration.ofMinutes(5));
    assertThat(stats().getUptime()).isEqualTo(before.plusMinutes(5));
    assertThat(Http.get(port, "/stats").body()).endsWith(" uptime=" + before.plusMinutes(5));
  }

  @Test
  @DisplayName("R-API-5, R-BG-3 background threads alive, counted until they end")
  void backgroundThreadCount() {
    int port = start(VersionBuilder.manual("worker", "v1", 1));
    assertThat(stats().getBackgroundThreads()).isZero();
    assertThat(Http.get(port, "/bg?count=3").statusCode()).isEqualTo(200);
    assertThat(stats().getBackgroundThreads()).isEqualTo(3);
    gate.countDown();
    Await.until("the background threads end", () -> stats().getBackgroundThreads() == 0);
    assertThat(stats().getDeadlinesExceeded()).isZero();
    assertThat(stats().getRunawayThreads()).isZero();
  }
}
