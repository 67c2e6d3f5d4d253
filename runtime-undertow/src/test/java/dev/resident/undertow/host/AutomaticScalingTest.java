package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.VersionRuntime;
import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AutomaticScalingTest {

  private final Recorder recorder = new Recorder();
  private final VirtualClock clock = new VirtualClock();
  private final CountDownLatch gate = new CountDownLatch(1);

  private ResidentHost host(int minIdle, int maxInstances) {
    ScalingConfig.Automatic scaling = new ScalingConfig.Automatic(
        minIdle, 1, Duration.ZERO, Duration.ofMillis(500), maxInstances);
    ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1", scaling).maxConcurrentRequests(1).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, gate, null)))
        .build();
    host.start();
    return host;
  }

  private static List<InstanceInfo> serving(ResidentHost host) {
    return host.instances().stream().filter(i -> i.state() == InstanceState.SERVING).toList();
  }

  @Test
  @DisplayName("R-REQ-4 automatic: a new instance when all are full and a request waited max_pending_latency")
  void scalesUpAfterPendingLatency() {
    try (ResidentHost host = host(0, 3)) {
      CompletableFuture<HttpResponse<String>> first = Http.getAsync(host.port(), "/block");
      Await.until("first request blocks", () -> serving(host).size() == 1
          && recorder.count("blocking default/v1/" + serving(host).get(0).instance()) == 1);
      CompletableFuture<HttpResponse<String>> second = Http.getAsync(host.port(), "/block");
      Await.until("second request waits", () -> host.stats("default", "v1", serving(host).get(0).instance())
          .getRequestsPending() == 1);
      clock.advance(Duration.ofMillis(499));
      assertThat(host.instances()).hasSize(1);
      clock.advance(Duration.ofMillis(1));
      Await.until("a second instance serves the waiting request", () -> serving(host).size() == 2
          && recorder.events.stream().filter(e -> e.startsWith("blocking")).count() == 2);
      gate.countDown();
      assertThat(first.join().statusCode()).isEqualTo(200);
      assertThat(second.join().statusCode()).isEqualTo(200);
      assertThat(first.join().body()).isNotEqualTo(second.join().body());
    }
  }

  @Test
  @DisplayName("R-LIFE-7 automatic: min_idle_instances are kept; idle ones beyond are stopped after the idle period")
  void keepsMinIdleEvictsBeyond() {
    try (ResidentHost host = host(1, 3)) {
      Await.until("the min idle instance serves", () -> serving(host).size() == 1);
      String kept = serving(host).get(0).instance();
      CompletableFuture<HttpResponse<String>> first = Http.getAsync(host.port(), "/block");
      Await.until("it is busy", () -> recorder.saw("blocking default/v1/" + kept));
      CompletableFuture<HttpResponse<String>> second = Http.getAsync(host.port(), "/block");
      Await.until("second waits", () -> host.stats("default", "v1", kept).getRequestsPending() == 1);
      clock.advance(Duration.ofMillis(500));
      Await.until("two serve", () -> serving(host).size() == 2);
      gate.countDown();
      first.join();
      second.join();

      clock.advance(VersionRuntime.AUTOMATIC_IDLE_PERIOD.plusSeconds(1));
      Await.until("one idle instance stopped", () -> serving(host).size() == 1);
      clock.advance(VersionRuntime.AUTOMATIC_IDLE_PERIOD.multipliedBy(3));
      assertThat(serving(host)).hasSize(1);
    }
  }
}
