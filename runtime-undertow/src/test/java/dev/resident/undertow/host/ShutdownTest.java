package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.LifecycleManager;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  private final Recorder recorder = new Recorder();
  private final VirtualClock clock = new VirtualClock();
  private final CountDownLatch gate = new CountDownLatch(1);

  private ResidentHost host(VersionBuilder version) {
    ResidentHost host = TestHosts.builder(clock)
        .version(version.build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, gate, null)))
        .build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
    // The instance serves once its start response arrives, a moment before the start request has left it;
    // a stop in that moment would find a request in flight and run the hook beside it.
    Await.until("the start request left instance 0", () -> host.stats("default", "v1", "0").getRequestsTotal() == 1);
    return host;
  }

  @Test
  @DisplayName("R-LIFE-5 an idle instance runs its hook through an internal /_ah/stop that user servlets never see")
  void idleInstanceRunsHookThroughAhStop() {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 1))) {
      ModulesService modules = host.modulesService();
      modules.stopVersion("default", "v1");
      assertThat(host.instanceState("default", "v1", "0")).isEqualTo(InstanceState.STOPPED);
      assertThat(recorder.count("hook default/v1/0")).isEqualTo(1);
      assertThat(recorder.events).contains("hook default/v1/0 remaining=30000 background=false");
      assertThat(recorder.events).noneMatch(e -> e.startsWith("/_ah/stop"));
    }
  }

  @Test
  @DisplayName("R-LIFE-5 in-flight requests finish inside the grace and lose nothing; new ones get 404; hook beside them")
  void inFlightRequestsFinishWithinGrace() {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 1))) {
      int port = host.instancePort("default", "v1", "0");
      CompletableFuture<HttpResponse<String>> inFlight = Http.getAsync(port, "/block");
      Await.until("request blocks", () -> recorder.saw("blocking default/v1/0"));

      Future<Void> stopping = host.modulesService().stopVersionAsync("default", "v1");
      Await.until("instance stops", () -> host.instanceState("default", "v1", "0") == InstanceState.STOPPING);
      Await.until("hook ran", () -> recorder.saw("hook default/v1/0"));
      assertThat(recorder.events).contains("hook default/v1/0 remaining=30000 background=true");

      HttpResponse<String> refused = Http.get(port, "/late");
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(recorder.saw("/late default/v1/0")).isFalse();

      clock.advance(Duration.ofSeconds(20));
      assertThat(stopping.isDone()).isFalse();
      gate.countDown();
      HttpResponse<String> finished = inFlight.join();
      assertThat(finished.statusCode()).isEqualTo(200);
      assertThat(finished.body()).isEqualTo("done default/v1/0");
      Await.until("stopped", stopping::isDone);
      assertThat(host.instanceState("default", "v1", "0")).isEqualTo(InstanceState.STOPPED);
      assertThat(recorder.count("hook default/v1/0")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("R-LIFE-5 at the end of the grace, request threads are interrupted and the instance stops")
  void graceEndInterruptsRequests() {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 1).shutdownGrace(Duration.ofSeconds(5)))) {
      int port = host.instancePort("default", "v1", "0");
      CompletableFuture<HttpResponse<String>> inFlight = Http.getAsync(port, "/block");
      Await.until("request blocks", () -> recorder.saw("blocking default/v1/0"));
      Future<Void> stopping = host.modulesService().stopVersionAsync("default", "v1");
      Await.until("stopping", () -> host.instanceState("default", "v1", "0") == InstanceState.STOPPING);

      clock.advance(Duration.ofSeconds(4));
      assertThat(recorder.saw("interrupted default/v1/0")).isFalse();
      clock.advance(Duration.ofSeconds(1));
      Await.until("the request thread was interrupted", () -> recorder.saw("interrupted default/v1/0"));
      Await.until("stopped", stopping::isDone);
      assertThat(host.instanceState("default", "v1", "0")).isEqualTo(InstanceState.STOPPED);
      inFlight.handle((response, failure) -> null).join();
    }
  }

  @Test
  @DisplayName("R-LIFE-6 concurrent stop triggers run the hook once and end STOPPED")
  void concurrentStopsRunHookOnce() throws Exception {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 2))) {
      Await.until("instance 1 serves", () -> host.instanceState("default", "v1", "1") == InstanceState.SERVING);
      ModulesService modules = host.modulesService();
      List<Future<Void>> stops = List.of(
          modules.stopVersionAsync("default", "v1"),
          modules.stopVersionAsync("default", "v1"),
          modules.stopVersionAsync("default", "v1"));
      for (Future<Void> stop : stops) {
        stop.get(20, java.util.concurrent.TimeUnit.SECONDS);
      }
      modules.stopVersion("default", "v1");
      host.stop();
      assertThat(recorder.count("hook default/v1/0")).isEqualTo(1);
      assertThat(recorder.count("hook default/v1/1")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("R-LIFE-6 startVersion on a started version and stopVersion on a stopped one do nothing")
  void startAndStopAreIdempotent() {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 1))) {
      ModulesService modules = host.modulesService();
      modules.startVersion("default", "v1");
      assertThat(recorder.count("/_ah/start default/v1/0")).isEqualTo(1);
      modules.stopVersion("default", "v1");
      modules.stopVersion("default", "v1");
      assertThat(recorder.count("hook default/v1/0")).isEqualTo(1);
      assertThat(Http.get(host.port(), "/x").statusCode()).isEqualTo(503);
      modules.startVersion("default", "v1");
      Await.until("serves again", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(recorder.count("/_ah/start default/v1/0")).isEqualTo(2);
      assertThat(Http.get(host.port(), "/x").body()).isEqualTo("default/v1/0");
    }
  }

  @Test
  @DisplayName("R-LIFE-4 beginShutdown stops the calling instance with its grace, and a manual instance comes back")
  void beginShutdownStopsAndManualRestarts() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h
            .servlet("/*", LifecycleServlet.class, () -> new LifecycleServlet(recorder, () -> 200, gate, null))
            .servlet("/quit", QuitServlet.class))
        .build()) {
      host.start();
      Await.until("serving", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(Http.get(host.port(), "/quit").body()).isEqualTo("remaining=2000");
      Await.until("restarted", () -> recorder.count("/_ah/start default/v1/0") == 2
          && host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(recorder.count("hook default/v1/0")).isEqualTo(1);
    }
  }

  /** Starts the shutdown of its own instance and reports the grace left. */
  public static class QuitServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      LifecycleManager lifecycle = LifecycleManager.getInstance();
      lifecycle.beginShutdown(2000);
      resp.getWriter().print("remaining=" + lifecycle.getRemainingShutdownTime());
    }
  }

  @Test
  @DisplayName("R-LIFE-5 a hook that throws is logged and counted; the shutdown goes on")
  void throwingHookDoesNotBlockShutdown() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", ThrowingHookServlet.class))
        .build()) {
      host.start();
      Await.until("serving", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      host.modulesService().stopVersion("default", "v1");
      assertThat(host.instanceState("default", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    }
  }

  /** Registers a hook that throws. */
  public static class ThrowingHookServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      LifecycleManager.getInstance().setShutdownHook(() -> {
        throw new IllegalStateException("hook failure on purpose");
      });
    }
  }
}
