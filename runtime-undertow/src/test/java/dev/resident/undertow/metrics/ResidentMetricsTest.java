package dev.resident.undertow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-OPS-3 metrics")
class ResidentMetricsTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** {@code /missing} answers 404, {@code /fail} 500, anything else 200. */
  public static final class StatusServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      switch (req.getRequestURI()) {
        case "/missing" -> resp.sendError(404);
        case "/fail" -> resp.sendError(500);
        default -> resp.getWriter().print("ok");
      }
    }
  }

  private ResidentHost host;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 2).build())
        .handlers("default", h -> h.servlet("/*", StatusServlet.class))
        .handlers("worker", h -> h.servlet("/*", StatusServlet.class))
        .build();
    host.start();
    until("workers serve", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING
        && host.instanceState("worker", "v1", "1") == InstanceState.SERVING);
  }

  @AfterEach
  void stop() {
    host.stop();
  }

  @Test
  @DisplayName("requests by outcome, pending wait, rejections, instances by state, starts, threads, tagged")
  void meters() {
    ResidentMetrics.of(host).bindTo(registry);
    int port = host.instancePort("worker", "v1", "0");
    for (int i = 0; i < 3; i++) {
      get(port, "/hello");
    }
    get(port, "/missing");
    get(port, "/fail");
    // A request is counted as its exchange completes, just after its client has the response.
    until("the five requests are counted", () -> registry.find("resident.pending.wait")
        .tags("module", "worker", "instance", "0").functionTimer().count() == 6
        && registry.get("resident.requests").tags("instance", "0", "outcome", "server_error").functionTimer().count() == 1);

    FunctionTimer success = registry.get("resident.requests")
        .tags("module", "worker", "version", "v1", "instance", "0", "outcome", "success").functionTimer();
    // Its start request and three of /hello.
    assertThat(success.count()).isEqualTo(4);
    assertThat(success.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(registry.get("resident.requests").tags("instance", "0", "outcome", "client_error")
        .functionTimer().count()).isEqualTo(1);
    assertThat(registry.get("resident.requests").tags("instance", "0", "outcome", "server_error")
        .functionTimer().count()).isEqualTo(1);
    assertThat(registry.get("resident.pending.wait").tags("module", "worker", "instance", "0").functionTimer()
        .count()).isEqualTo(6);
    assertThat(registry.get("resident.pending.requests").tags("instance", "0").gauge().value()).isZero();
    assertThat(registry.get("resident.rejections").tags("instance", "0", "reason", "queue-full")
        .functionCounter().count()).isZero();
    assertThat(registry.get("resident.rejections").tags("instance", "0").functionCounters()).hasSize(5);
    assertThat(registry.get("resident.deadlines.exceeded").tags("instance", "1").functionCounter().count()).isZero();
    assertThat(registry.get("resident.threads.background").tags("instance", "1").gauge().value()).isZero();
    assertThat(registry.get("resident.threads.runaway").tags("instance", "1").gauge().value()).isZero();
    assertThat(registry.get("resident.cpu.time").tags("instance", "0").functionCounter().count()).isPositive();
    assertThat(registry.get("resident.instance.memory.limit").tags("instance", "0").gauge().value())
        .isEqualTo(256.0 * 1024 * 1024);
    assertThat(registry.get("resident.instances").tags("module", "worker", "state", "serving").gauge().value())
        .isEqualTo(2);
    assertThat(registry.get("resident.instance.starts").tags("module", "worker").functionCounter().count())
        .isEqualTo(2);
    assertThat(registry.get("resident.instance.starts.failed").tags("module", "worker").functionCounter().count())
        .isZero();
    assertThat(registry.get("resident.request.pool.threads").gauge().value()).isPositive();
  }

  @Test
  @DisplayName("an instance's meters go when it stops and come back with its next run; close removes all")
  void stoppedInstancesLoseTheirMeters() {
    ResidentMetrics metrics = ResidentMetrics.of(host);
    metrics.bindTo(registry);
    assertThat(registry.find("resident.requests").tags("module", "worker").functionTimers()).hasSize(6);

    host.modulesService().stopVersion("worker", "v1");

    assertThat(registry.find("resident.requests").tags("module", "worker").functionTimers()).isEmpty();
    assertThat(registry.find("resident.cpu.time").tags("module", "worker").functionCounters()).isEmpty();
    assertThat(registry.get("resident.instances").tags("module", "worker", "state", "stopped").gauge().value())
        .isEqualTo(2);

    host.modulesService().startVersion("worker", "v1");
    until("worker/v1/0 has meters again",
        () -> registry.find("resident.requests").tags("module", "worker", "instance", "0").functionTimers().size() == 3);

    metrics.close();
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  @DisplayName("/_ah/metrics serves the Prometheus text format, with Micrometer's names in Prometheus form")
  void prometheus() {
    get(host.instancePort("worker", "v1", "1"), "/hello");
    until("the request is counted", () -> get(host.port(), "/_ah/metrics").body().contains(
        "resident_requests_seconds_count{instance=\"1\",module=\"worker\",outcome=\"success\",version=\"v1\"} 2"));

    HttpResponse<String> scrape = get(host.port(), "/_ah/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(scrape.body())
        .contains("resident_requests_seconds_count{instance=\"1\",module=\"worker\",outcome=\"success\",version=\"v1\"} 2")
        .contains("resident_cpu_time_seconds_total{instance=\"1\",module=\"worker\",version=\"v1\"}")
        .contains("resident_instances{module=\"worker\",state=\"serving\",version=\"v1\"} 2")
        .contains("resident_rejections_total{instance=\"1\",module=\"worker\",reason=\"failfast\",version=\"v1\"} 0")
        .contains("resident_request_pool_threads ");
    assertThat(host.operations().prometheus()).isTrue();
  }

  private static HttpResponse<String> get(int port, String path) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      LockSupport.parkNanos(5_000_000);
    }
  }
}
