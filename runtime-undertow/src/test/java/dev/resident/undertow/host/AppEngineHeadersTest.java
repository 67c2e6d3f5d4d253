package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.Environment;
import dev.resident.api.InternalRequests;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppEngineHeadersTest {

  private static final String[] APP_ENGINE_HEADERS = {
      "X-AppEngine-Country", "US",
      "X-AppEngine-TaskName", "task-1",
      "x-appengine-queuename", "default",
      "X-AppEngine-FailFast", "true",
  };

  private final Recorder recorder = new Recorder();
  private final CountDownLatch gate = new CountDownLatch(1);

  /**
   * Answers the X-AppEngine-* and X-Resident-* request headers it sees and its remaining time; {@code /block}
   * waits for the gate.
   */
  static final class HeadersServlet extends GatedServlet {
    HeadersServlet(Recorder recorder, CountDownLatch gate) {
      super(recorder, gate);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      recorder.record(req.getRequestURI());
      if (req.getRequestURI().equals("/block")) {
        awaitGate();
      }
      List<String> seen = new ArrayList<>();
      for (String name : Collections.list(req.getHeaderNames())) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("x-appengine-") || lower.startsWith("x-resident-")) {
          seen.add(lower);
        }
      }
      Collections.sort(seen);
      resp.getWriter().print("seen " + seen + " remaining " + Environment.current().getRemainingMillis());
    }
  }

  private ResidentHost host() {
    ResidentHost host = TestHosts.builder(new VirtualClock())
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 1).maxConcurrentRequests(1).build())
        .handlers("default", h -> h.servlet("/*", HeadersServlet.class, () -> new HeadersServlet(recorder, gate)))
        .handlers("worker", h -> h.servlet("/*", HeadersServlet.class, () -> new HeadersServlet(recorder, gate)))
        .build();
    host.start();
    Await.until("worker serves", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING);
    return host;
  }

  @Test
  @DisplayName("R-REQ-8 external X-AppEngine-* headers never reach a servlet; an external task name makes no task request")
  void externalHeadersAreStripped() {
    try (ResidentHost host = host()) {
      assertThat(Http.get(host.port(), "/warm-up").statusCode()).as("an automatic instance runs").isEqualTo(200);
      HttpResponse<String> front = Http.get(host.port(), "/x", APP_ENGINE_HEADERS);
      assertThat(front.statusCode()).isEqualTo(200);
      assertThat(front.body()).as("HTTP deadline of automatic scaling, not the 10 min of tasks")
          .isEqualTo("seen [] remaining 60000");

      HttpResponse<String> instance = Http.get(host.instancePort("worker", "v1", "0"), "/x", APP_ENGINE_HEADERS);
      assertThat(instance.body()).isEqualTo("seen [] remaining " + Long.MAX_VALUE);
    }
  }

  @Test
  @DisplayName("R-REQ-3, R-REQ-8 X-AppEngine-FailFast is read before it is stripped: 503 at once on a busy instance, unless false")
  void failfastIsReadThenStripped() {
    try (ResidentHost host = host()) {
      int port = host.instancePort("worker", "v1", "0");
      CompletableFuture<HttpResponse<String>> blocked = Http.getAsync(port, "/block");
      Await.until("the only slot is taken", () -> recorder.saw("/block"));

      HttpResponse<String> failfast = Http.get(port, "/x", "X-AppEngine-FailFast", "yes");
      assertThat(failfast.statusCode()).isEqualTo(503);
      assertThat(failfast.headers().firstValue(Rejection.HEADER)).hasValue("failfast");

      CompletableFuture<HttpResponse<String>> waits = Http.getAsync(port, "/waits", "X-AppEngine-FailFast", "false");
      Await.until("the request with failfast false waits",
          () -> host.stats("worker", "v1", "0").getRequestsPending() == 1);
      gate.countDown();
      assertThat(blocked.orTimeout(20, TimeUnit.SECONDS).join().body()).startsWith("seen []");
      HttpResponse<String> waited = waits.orTimeout(20, TimeUnit.SECONDS).join();
      assertThat(waited.statusCode()).isEqualTo(200);
      assertThat(waited.body()).startsWith("seen []");
    }
  }

  @Test
  @DisplayName("R-REQ-8, R-SEC-3 internal requests keep their X-AppEngine-* headers and a task name makes a task request; the internal header itself never passes")
  void internalRequestsKeepTheirHeaders() {
    try (ResidentHost host = host()) {
      assertThat(Http.get(host.port(), "/warm-up").statusCode()).as("an automatic instance runs").isEqualTo(200);
      HttpResponse<String> internal = Http.getSigned(host, host.port(), "/x", APP_ENGINE_HEADERS);
      assertThat(internal.body()).as("the task deadline of automatic scaling").isEqualTo(
          "seen [x-appengine-country, x-appengine-failfast, x-appengine-queuename, x-appengine-taskname]"
              + " remaining 600000");

      HttpResponse<String> forged = Http.get(host.port(), "/x", InternalRequests.HEADER_NAME, "not-a-signature");
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(forged.body()).isEqualTo("malformed signature\n");
    }
  }
}
