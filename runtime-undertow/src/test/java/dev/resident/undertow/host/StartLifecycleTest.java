package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StartLifecycleTest {

  private final Recorder recorder = new Recorder();
  private final VirtualClock clock = new VirtualClock();

  @Test
  @DisplayName("R-LIFE-1 the start request comes first and other requests wait for it")
  void startRequestBlocksOtherRequests() {
    CountDownLatch startGate = new CountDownLatch(1);
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, startGate)))
        .build()) {
      host.start();
      Await.until("start request arrives", () -> recorder.saw("/_ah/start default/v1/0"));
      assertThat(host.instanceState("default", "v1", "0")).isEqualTo(InstanceState.STARTING);

      CompletableFuture<HttpResponse<String>> waiting = Http.getAsync(host.instancePort("default", "v1", "0"), "/hello");
      Await.until("the request waits in the pending queue",
          () -> host.stats("default", "v1", "0").getRequestsPending() == 1);
      assertThat(recorder.saw("/hello default/v1/0")).isFalse();

      startGate.countDown();
      assertThat(waiting.join().statusCode()).isEqualTo(200);
      assertThat(recorder.events).containsSubsequence("/_ah/start default/v1/0", "/hello default/v1/0");
      assertThat(host.instanceState("default", "v1", "0")).isEqualTo(InstanceState.SERVING);
    }
  }

  @Test
  @DisplayName("R-LIFE-2 a start answered 404 (no handler) is a success")
  void startWithoutHandlerServes() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 2).build())
        .handlers("default", h -> h.servlet("/hello", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .build()) {
      host.start();
      Await.until("both instances serve", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING
          && host.instanceState("default", "v1", "1") == InstanceState.SERVING);
      assertThat(Http.get(host.instancePort("default", "v1", "1"), "/hello").body()).isEqualTo("default/v1/1");
    }
  }

  @Test
  @DisplayName("R-LIFE-2 a failed start is torn down and restarted with a backoff of 1s doubling")
  void failedStartRestartsWithBackoff() {
    AtomicInteger starts = new AtomicInteger();
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> starts.incrementAndGet() <= 3 ? 500 : 200, null, null)))
        .build()) {
      host.start();
      Await.until("first restart is scheduled", () -> clock.pendingDelays().contains(Duration.ofSeconds(1)));
      assertThat(starts.get()).isEqualTo(1);
      assertThat(recorder.count("hook default/v1/0")).as("the failed instance's hook runs").isEqualTo(1);

      clock.advance(Duration.ofSeconds(1));
      Await.until("second restart is scheduled", () -> clock.pendingDelays().contains(Duration.ofSeconds(2)));
      assertThat(starts.get()).isEqualTo(2);

      clock.advance(Duration.ofSeconds(2));
      Await.until("third restart is scheduled", () -> clock.pendingDelays().contains(Duration.ofSeconds(4)));
      assertThat(starts.get()).isEqualTo(3);

      clock.advance(Duration.ofSeconds(4));
      Await.until("the fourth start serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(starts.get()).isEqualTo(4);
      assertThat(Http.get(host.instancePort("default", "v1", "0"), "/x").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("R-LIFE-2 requests waiting for a failed start get 503 when no other instance serves")
  void requestsWaitingForFailedStartGet503() {
    CountDownLatch startGate = new CountDownLatch(1);
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 500, null, startGate)))
        .build()) {
      host.start();
      Await.until("start request arrives", () -> recorder.saw("/_ah/start default/v1/0"));
      CompletableFuture<HttpResponse<String>> waiting = Http.getAsync(host.port(), "/hello");
      Await.until("the request waits", () -> host.stats("default", "v1", "0").getRequestsPending() == 1);
      startGate.countDown();
      HttpResponse<String> response = waiting.join();
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("X-Resident-Rejected")).hasValue("start-failed");
      assertThat(recorder.saw("/hello default/v1/0")).isFalse();
    }
  }

  @Test
  @DisplayName("R-LIFE-1 a basic instance starts on the first request that needs it; automatic gets no start")
  void basicStartsOnDemandAutomaticHasNoStart() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.basic("worker", "v1", 2).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .handlers("worker", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .build()) {
      host.start();
      assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.STOPPED);
      assertThat(Http.get(host.versionPort("worker", "v1"), "/work").body()).isEqualTo("worker/v1/0");
      assertThat(recorder.events).containsSubsequence("/_ah/start worker/v1/0", "/work worker/v1/0");
      assertThat(host.instanceState("worker", "v1", "1")).isEqualTo(InstanceState.STOPPED);

      assertThat(Http.get(host.port(), "/front").body()).startsWith("default/v1/");
      assertThat(recorder.events).noneMatch(e -> e.startsWith("/_ah/start default"));
    }
  }

  @Test
  @DisplayName("R-LIFE-3, R-SEC-1 external /_ah/start, /_ah/stop, /_ah/background and other /_ah/ paths get 404 and never reach user code")
  void reservedPathsAreNotReachable() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .build()) {
      host.start();
      Await.until("serving", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      int before = recorder.events.size();
      for (String path : new String[] {"/_ah/start", "/_ah/stop", "/_ah/background", "/_ah/start/x"}) {
        assertThat(Http.get(host.port(), path).statusCode()).as(path).isEqualTo(404);
        assertThat(Http.get(host.instancePort("default", "v1", "0"), path).statusCode()).as(path).isEqualTo(404);
        assertThat(Http.get(host.port(), path, "X-Resident-Signature", "guess").statusCode()).as(path).isEqualTo(401);
      }
      assertThat(Http.get(host.port(), "/_ah/other").statusCode()).as("every /_ah/ path is the host's").isEqualTo(404);
      assertThat(recorder.events).hasSize(before);
      assertThat(Http.getSigned(host, host.port(), "/_ah/other").statusCode()).as("signed").isEqualTo(200);
    }
  }
}
