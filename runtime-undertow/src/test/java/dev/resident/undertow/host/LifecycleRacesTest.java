package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lifecycle operations that overlap (R-REL-1, R-LIFE-6, R-API-4): each test once reproduced a defect. */
class LifecycleRacesTest {

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
    return host;
  }

  private static void awaitServing(ResidentHost host, int instances) {
    for (int i = 0; i < instances; i++) {
      String id = Integer.toString(i);
      Await.until("instance " + id + " serves",
          () -> host.instanceState("default", "v1", id) == InstanceState.SERVING);
    }
  }

  @Test
  @DisplayName("R-REL-1 R-REL-2 stopVersion beside a lower setNumInstances, with requests queued on both instances, never deadlocks")
  void stopBesideScaleDownDoesNotDeadlock() throws Exception {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 2).maxConcurrentRequests(1))) {
      awaitServing(host, 2);
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        responses.add(Http.getAsync(host.instancePort("default", "v1", Integer.toString(i)), "/block"));
      }
      Await.until("both instances are busy", () -> recorder.saw("blocking default/v1/0") && recorder.saw("blocking default/v1/1"));
      int versionPort = host.versionPort("default", "v1");
      for (int i = 0; i < 400; i++) {
        responses.add(Http.getAsync(versionPort, "/queued"));
      }
      Await.until("requests wait on both instances",
          () -> host.stats("default", "v1", "0").getRequestsPending() + host.stats("default", "v1", "1").getRequestsPending() == 400);

      ModulesService modules = host.modulesService();
      Future<Void> stop = modules.stopVersionAsync("default", "v1");
      Future<Void> scale = modules.setNumInstancesAsync("default", "v1", 1);
      Await.until("instance 0 is stopping", () -> host.instanceState("default", "v1", "0") == InstanceState.STOPPING);
      failOnDeadlock();
      gate.countDown();
      stop.get(20, TimeUnit.SECONDS);
      scale.get(20, TimeUnit.SECONDS);
      for (CompletableFuture<HttpResponse<String>> response : responses) {
        assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isIn(200, 404, 503);
      }
    }
  }

  private static void failOnDeadlock() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] deadlocked = threads.findDeadlockedThreads();
    if (deadlocked != null) {
      throw new AssertionError("deadlock:\n" + Arrays.stream(threads.getThreadInfo(deadlocked, true, true))
          .map(ThreadInfo::toString).collect(Collectors.joining("\n")));
    }
  }

  @Test
  @DisplayName("R-LIFE-6 R-API-4 startVersion while the stopped version's instance is still STOPPING brings it back to SERVING")
  void startWhileStoppingConverges() throws Exception {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 1))) {
      awaitServing(host, 1);
      int port = host.instancePort("default", "v1", "0");
      CompletableFuture<HttpResponse<String>> inFlight = Http.getAsync(port, "/block");
      Await.until("the request runs", () -> recorder.saw("blocking default/v1/0"));

      Future<Void> stopping = host.modulesService().stopVersionAsync("default", "v1");
      Await.until("the instance stops", () -> host.instanceState("default", "v1", "0") == InstanceState.STOPPING);
      host.modulesService().startVersionAsync("default", "v1").get(20, TimeUnit.SECONDS);
      gate.countDown();
      assertThat(inFlight.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      stopping.get(20, TimeUnit.SECONDS);

      Await.until("a new run of instance 0 serves", () -> recorder.count("/_ah/start default/v1/0") == 2
          && host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(Http.get(port, "/again").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("R-LIFE-1 the start request of a manual instance has no deadline, whatever request_deadline says")
  void startRequestHasNoDeadline() {
    CountDownLatch startGate = new CountDownLatch(1);
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).requestDeadline(Duration.ofSeconds(1)).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, startGate)))
        .build()) {
      host.start();
      Await.until("the start request runs", () -> recorder.saw("/_ah/start default/v1/0"));
      clock.advance(Duration.ofMillis(2500));
      startGate.countDown();
      Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(recorder.count("/_ah/start default/v1/0")).isEqualTo(1);
      assertThat(host.stats("default", "v1", "0").getDeadlinesExceeded()).isZero();
    }
  }

  @Test
  @DisplayName("R-API-4 stopVersion called by an instance of the version it stops returns without waiting for itself")
  void stopVersionFromInsideReturns() throws Exception {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 2).build())
        .handlers("default", h -> h.servlet("/*", StopSelfServlet.class, StopSelfServlet::new))
        .build()) {
      host.start();
      awaitServing(host, 2);
      HttpResponse<String> response = Http.get(host.instancePort("default", "v1", "0"), "/stop");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("stopping");
      Await.until("both instances stopped", () -> host.instanceState("default", "v1", "0") == InstanceState.STOPPED
          && host.instanceState("default", "v1", "1") == InstanceState.STOPPED);
    }
  }

  @Test
  @DisplayName("R-REQ-2 a request moved to another instance keeps the pending timeout counted from its arrival")
  void movedRequestKeepsItsPendingTimeout() throws Exception {
    try (ResidentHost host = host(VersionBuilder.manual("default", "v1", 2).maxConcurrentRequests(1))) {
      awaitServing(host, 2);
      int port0 = host.instancePort("default", "v1", "0");
      List<CompletableFuture<HttpResponse<String>>> blocked = List.of(
          Http.getAsync(port0, "/block"), Http.getAsync(host.instancePort("default", "v1", "1"), "/block"));
      Await.until("both instances are busy",
          () -> recorder.saw("blocking default/v1/0") && recorder.saw("blocking default/v1/1"));
      CompletableFuture<HttpResponse<String>> addressed = Http.getAsync(port0, "/addressed");
      Await.until("instance 0 has one waiting", () -> host.stats("default", "v1", "0").getRequestsPending() == 1);
      CompletableFuture<HttpResponse<String>> moved = Http.getAsync(host.versionPort("default", "v1"), "/moved");
      Await.until("the unaddressed request waits on the less loaded instance 1",
          () -> host.stats("default", "v1", "1").getRequestsPending() == 1);

      clock.advance(Duration.ofSeconds(6));
      Future<Void> scaled = host.modulesService().setNumInstancesAsync("default", "v1", 1);
      Await.until("the request moved to instance 0", () -> host.stats("default", "v1", "0").getRequestsPending() == 2);
      clock.advance(Duration.ofSeconds(4));

      HttpResponse<String> timedOut = moved.get(20, TimeUnit.SECONDS);
      assertThat(timedOut.statusCode()).isEqualTo(503);
      assertThat(timedOut.headers().firstValue("X-Resident-Rejected")).hasValue("pending-timeout");
      assertThat(addressed.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
      gate.countDown();
      for (CompletableFuture<HttpResponse<String>> response : blocked) {
        assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      scaled.get(20, TimeUnit.SECONDS);
    }
  }

  /** Stops its own version from inside a request. */
  static final class StopSelfServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getRequestURI().equals("/stop")) {
        ModulesServiceFactory.getModulesService().stopVersion(null, null);
        resp.getWriter().print("stopping");
      }
    }
  }
}
