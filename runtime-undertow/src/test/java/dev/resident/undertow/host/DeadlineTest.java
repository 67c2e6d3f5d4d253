package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.DeadlineExceededException;
import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private final Recorder recorder = new Recorder();
  private final VirtualClock clock = new VirtualClock();
  private final CountDownLatch release = new CountDownLatch(1);

  /** Waits for the gate; on the soft deadline either answers itself or, if stubborn, keeps waiting. */
  static final class SlowServlet extends HttpServlet {
    private final Recorder recorder;
    private final CountDownLatch release;

    SlowServlet(Recorder recorder, CountDownLatch release) {
      this.recorder = recorder;
      this.release = release;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      boolean stubborn = req.getParameter("stubborn") != null;
      recorder.record("waiting");
      try {
        release.await(30, TimeUnit.SECONDS);
        resp.getWriter().print("released");
        return;
      } catch (InterruptedException e) {
        recorder.record("interrupted");
      }
      if (stubborn) {
        awaitIgnoringInterrupts();
        resp.getWriter().print("late output");
        recorder.record("stubborn done");
        return;
      }
      try {
        LifecycleManager.getInstance().isShuttingDown();
        resp.getWriter().print("no deadline?");
      } catch (DeadlineExceededException e) {
        resp.getWriter().print("caught, remaining " + (Environment.current().getRemainingMillis() <= 0));
      }
    }

    private void awaitIgnoringInterrupts() {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < end) {
        try {
          if (release.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return;
          }
        } catch (InterruptedException ignored) {
          recorder.record("interrupt ignored");
        }
      }
    }
  }

  /** Reports the time left before its deadline. */
  public static class RemainingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      long remaining = Environment.current().getRemainingMillis();
      resp.getWriter().print(remaining == Long.MAX_VALUE ? "none" : Long.toString(remaining));
    }
  }

  /** Writes as many bytes as asked. */
  public static class BigServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      int size = Integer.parseInt(req.getParameter("size"));
      resp.setStatus(201);
      byte[] chunk = new byte[100];
      for (int written = 0; written < size; written += chunk.length) {
        resp.getOutputStream().write(chunk, 0, Math.min(chunk.length, size - written));
        resp.flushBuffer();
      }
    }
  }

  private ResidentHost automatic(Duration deadline) {
    ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").requestDeadline(deadline).build())
        .handlers("default", h -> h
            .servlet("/slow", SlowServlet.class, () -> new SlowServlet(recorder, release))
            .servlet("/remaining", RemainingServlet.class))
        .build();
    host.start();
    return host;
  }

  @Test
  @DisplayName("R-REQ-5 at the soft deadline the handler is interrupted, the API throws, and its own answer is sent")
  void softDeadlineCaughtByHandler() {
    try (ResidentHost host = automatic(Duration.ofSeconds(60))) {
      CompletableFuture<HttpResponse<String>> response = Http.getAsync(host.port(), "/slow");
      Await.until("handler waits", () -> recorder.saw("waiting"));
      clock.advance(Duration.ofSeconds(59));
      assertThat(recorder.saw("interrupted")).isFalse();
      clock.advance(Duration.ofSeconds(1));
      HttpResponse<String> answered = response.join();
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.body()).isEqualTo("caught, remaining true");
      assertThat(stats(host).getDeadlinesExceeded()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("R-REQ-5 at the hard deadline the client gets 500 while the thread runs on, keeping its slot; its output is discarded")
  void hardDeadlineAnswers500() {
    try (ResidentHost host = automatic(Duration.ofSeconds(60))) {
      CompletableFuture<HttpResponse<String>> response = Http.getAsync(host.port(), "/slow?stubborn");
      Await.until("handler waits", () -> recorder.saw("waiting"));
      clock.advance(Duration.ofSeconds(60));
      Await.until("interrupted", () -> recorder.saw("interrupted"));
      clock.advance(Duration.ofMillis(999));
      assertThat(response.isDone()).isFalse();
      clock.advance(Duration.ofMillis(1));
      HttpResponse<String> answered = response.join();
      assertThat(answered.statusCode()).isEqualTo(500);
      assertThat(answered.body()).isEmpty();
      assertThat(answered.headers().firstValue("X-Resident-Request-Id")).isPresent();
      assertThat(recorder.saw("stubborn done")).isFalse();
      Await.until("runaway counted", () -> stats(host).getRunawayThreads() == 1);
      assertThat(stats(host).getRequestsActive())
          .as("the runaway thread keeps its slot, so max_concurrent_requests still holds").isEqualTo(1);

      release.countDown();
      Await.until("the runaway thread returned", () -> recorder.saw("stubborn done"));
      Await.until("runaway count back to 0", () -> stats(host).getRunawayThreads() == 0);
      Await.until("its slot is free once its thread ended", () -> stats(host).getRequestsActive() == 0);
      assertThat(Http.get(host.port(), "/remaining").statusCode()).isEqualTo(200);
    }
  }

  private static dev.resident.api.RuntimeStats stats(ResidentHost host) {
    return host.instances().stream()
        .filter(i -> i.module().equals("default"))
        .findFirst()
        .map(i -> host.stats("default", "v1", i.instance()))
        .orElseThrow();
  }

  @Test
  @DisplayName("R-REQ-5 HTTP requests have no deadline on manual scaling; task requests 24h unless set")
  void manualDeadlines() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).taskDeadline(Duration.ofMinutes(3)).build())
        .handlers("default", h -> h.servlet("/remaining", RemainingServlet.class))
        .build()) {
      host.start();
      Await.until("serving", () -> host.instanceState("default", "v1", "0")
          == dev.resident.undertow.instance.InstanceState.SERVING);
      assertThat(Http.get(host.port(), "/remaining").body()).isEqualTo("none");
      assertThat(Http.get(host.port(), "/remaining", "X-AppEngine-TaskName", "t1").body())
          .as("an external task header is stripped").isEqualTo("none");
      assertThat(Http.getSigned(host, host.port(), "/remaining", "X-AppEngine-QueueName", "default").body())
          .isEqualTo("180000");
    }
  }

  @Test
  @DisplayName("R-REQ-5 automatic scaling: 60 s for HTTP requests by default")
  void automaticDefaultDeadline() {
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").build())
        .handlers("default", h -> h.servlet("/remaining", RemainingServlet.class))
        .build()) {
      host.start();
      assertThat(Http.get(host.port(), "/remaining").body()).isEqualTo("60000");
    }
  }

  @Test
  @DisplayName("R-REQ-6 a response over max_response_size becomes a 500 with an empty body")
  void responseTooLarge() {
    try (ResidentHost host = TestHosts.builder(clock)
        .config("app.yaml", """
            version: v1
            manual_scaling:
              instances: 1
            resident:
              max_response_size: 1KB
            """)
        .handlers("default", h -> h.servlet("/big", BigServlet.class))
        .build()) {
      host.start();
      Await.until("serving", () -> host.instanceState("default", "v1", "0")
          == dev.resident.undertow.instance.InstanceState.SERVING);
      HttpResponse<String> small = Http.get(host.port(), "/big?size=1024");
      assertThat(small.statusCode()).isEqualTo(201);
      assertThat(small.body()).hasSize(1024);
      HttpResponse<String> big = Http.get(host.port(), "/big?size=1025");
      assertThat(big.statusCode()).isEqualTo(500);
      assertThat(big.headers().firstValue("X-Resident-Request-Id")).isPresent();
      assertThat(big.body()).isEmpty();
      assertThat(Http.get(host.port(), "/big?size=10").statusCode()).isEqualTo(201);
    }
  }
}
