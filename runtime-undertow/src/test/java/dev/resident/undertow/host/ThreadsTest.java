package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import dev.resident.api.ThreadManager;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreadsTest {

  private static final Recorder RECORDER = new Recorder();
  private final VirtualClock clock = new VirtualClock();

  /** Starts background threads that wait until interrupted, and reports the limit. */
  public static class BackgroundServlet extends HttpServlet {
    private final List<Thread> started = new ArrayList<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      int count = Integer.parseInt(req.getParameter("count"));
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < count; i++) {
        try {
          Thread thread = ThreadManager.createBackgroundThread(() -> {
            Environment env = Environment.current();
            RECORDER.record("bg " + env.getModuleId() + "/" + env.getInstanceId() + " background=" + env.isBackground()
                + " deadline=" + (env.getRemainingMillis() == Long.MAX_VALUE ? "none" : "some"));
            try {
              new CountDownLatch(1).await(60, TimeUnit.SECONDS);
              RECORDER.record("bg timed out");
            } catch (InterruptedException e) {
              RECORDER.record("bg interrupted shuttingDown=" + LifecycleManager.getInstance().isShuttingDown());
            }
          });
          thread.start();
          started.add(thread);
          out.append("started ").append(thread.isDaemon() ? "daemon " : "user ");
        } catch (IllegalStateException e) {
          out.append("refused: ").append(e.getMessage());
        }
      }
      resp.getWriter().print(out.toString().trim());
    }
  }

  /** Starts request threads that wait until interrupted, then returns. */
  public static class RequestThreadServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String requestId = Environment.current().getRequestId();
      for (int i = 0; i < 3; i++) {
        ThreadManager.createThreadForCurrentRequest(() -> {
          boolean same = Environment.current().getRequestId().equals(requestId);
          try {
            new CountDownLatch(1).await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            RECORDER.record("request thread interrupted sameRequest=" + same);
          }
        }).start();
      }
      int refused = 0;
      for (int i = 0; i < 60; i++) {
        try {
          ThreadManager.createThreadForCurrentRequest(() -> {});
        } catch (IllegalStateException e) {
          refused++;
        }
      }
      resp.getWriter().print("refused " + refused);
    }
  }

  @Test
  @DisplayName("R-BG-1..3 background threads: own environment, a limit of 10, interrupted at the end of the grace")
  void backgroundThreads() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 1).shutdownGrace(Duration.ofSeconds(30)).build())
        .handlers("default", h -> h.servlet("/bg", BackgroundServlet.class))
        .handlers("worker", h -> h.servlet("/bg", BackgroundServlet.class))
        .build()) {
      host.start();
      Await.until("worker serves", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING);
      int port = host.instancePort("worker", "v1", "0");
      assertThat(Http.get(port, "/bg?count=10").body()).isEqualTo("started daemon ".repeat(10).trim());
      assertThat(Http.get(port, "/bg?count=1").body()).isEqualTo(
          "refused: This instance already has 10 live background threads, its limit (resident.max_background_threads)");
      Await.until("threads run", () -> RECORDER.count("bg worker/0 background=true deadline=none") == 10);
      assertThat(host.stats("worker", "v1", "0").getBackgroundThreads()).isEqualTo(10);

      assertThat(Http.get(host.port(), "/bg?count=1").body()).isEqualTo(
          "refused: Background threads need manual or basic scaling; default/v1 uses automatic scaling");

      host.modulesService().stopVersionAsync("worker", "v1");
      Await.until("stopping", () -> host.instanceState("worker", "v1", "0") == InstanceState.STOPPING);
      clock.advance(Duration.ofSeconds(29));
      assertThat(RECORDER.count("bg interrupted shuttingDown=true")).isZero();
      clock.advance(Duration.ofSeconds(1));
      Await.until("background threads interrupted", () -> RECORDER.count("bg interrupted shuttingDown=true") == 10);
      Await.until("stopped", () -> host.instanceState("worker", "v1", "0") == InstanceState.STOPPED);
    }
  }

  @Test
  @DisplayName("R-BG-4 request threads carry the request, at most 50, interrupted and joined at request end")
  void requestThreads() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").build())
        .handlers("default", h -> h.servlet("/rt", RequestThreadServlet.class))
        .build()) {
      host.start();
      assertThat(Http.get(host.port(), "/rt").body()).isEqualTo("refused 13");
      Await.until("the request's threads were interrupted",
          () -> RECORDER.count("request thread interrupted sameRequest=true") >= 3);
    }
  }
}
