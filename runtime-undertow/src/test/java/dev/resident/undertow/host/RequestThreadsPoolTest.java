package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Admitted requests never wait long for a thread (R-REQ-1): the host runs requests on a base of threads
 * (eight per core), yet as many handlers as an instance admits can block at once.
 */
class RequestThreadsPoolTest {

  private static final int CONCURRENT = 60;
  private static volatile CountDownLatch meeting;

  /** Answers only once every one of {@link #CONCURRENT} requests is inside a handler at the same time. */
  public static class MeetingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      CountDownLatch all = meeting;
      all.countDown();
      try {
        resp.getWriter().print(all.await(20, TimeUnit.SECONDS) ? "met" : "alone");
      } catch (InterruptedException e) {
        resp.getWriter().print("interrupted");
      }
    }
  }

  @Test
  void asManyHandlersAsAreAdmittedRunAtOnceBeyondTheBaseThreads() {
    assertThat(CONCURRENT).isGreaterThan(dev.resident.undertow.instance.RequestPool.defaultBaseThreads());
    meeting = new CountDownLatch(CONCURRENT);
    try (ResidentHost host = TestHosts.builder(new VirtualClock())
        .version(VersionBuilder.manual("default", "v1", 1).maxConcurrentRequests(CONCURRENT).build())
        .handlers("default", h -> h.servlet("/meet", MeetingServlet.class))
        .build()) {
      host.start();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        answers.add(Http.getAsync(host.port(), "/meet"));
      }
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("met");
      }
    }
  }
}
