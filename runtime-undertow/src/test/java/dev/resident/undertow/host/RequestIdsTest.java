package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.Environment;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.ThreadContext;
import dev.resident.undertow.request.RequestIdHandler;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestIdsTest {

  private final Recorder recorder = new Recorder();
  private final CountDownLatch gate = new CountDownLatch(1);
  private ResidentHost host;
  private int port;

  /**
   * {@code /app/id} answers the request id and the logging MDC it sees, {@code /app/block} waits for the
   * test's gate, {@code /app/fail} throws.
   */
  static final class IdServlet extends GatedServlet {
    IdServlet(Recorder recorder, CountDownLatch gate) {
      super(recorder, gate);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      recorder.record(req.getRequestURI());
      switch (req.getRequestURI()) {
        case "/app/id" -> resp.getWriter().print(Environment.current().getRequestId() + " "
            + MDC.get(ThreadContext.MDC_MODULE) + " " + MDC.get(ThreadContext.MDC_VERSION) + " "
            + MDC.get(ThreadContext.MDC_INSTANCE) + " " + MDC.get(ThreadContext.MDC_REQUEST_ID));
        case "/app/block" -> awaitGate();
        case "/app/fail" -> throw new IllegalStateException("a servlet that fails");
        default -> resp.setStatus(204);
      }
    }
  }

  @BeforeEach
  void start() {
    host = TestHosts.builder(new VirtualClock())
        .version(VersionBuilder.manual("default", "v1", 1).maxConcurrentRequests(1).build())
        .handlers("default", h -> h.servlet("/app/*", IdServlet.class, () -> new IdServlet(recorder, gate)))
        .build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
    port = host.port();
  }

  @AfterEach
  void stop() {
    gate.countDown();
    host.stop();
  }

  private static String id(HttpResponse<?> response) {
    return response.headers().firstValue(RequestIdHandler.HEADER).orElse(null);
  }

  @Test
  @DisplayName("R-REQ-7 Environment.getRequestId() and the MDC's requestId equal X-Resident-Request-Id; the MDC names module, version and instance")
  void idInEnvironmentAndMdc() {
    HttpResponse<String> response = Http.get(port, "/app/id");
    String id = id(response);
    assertThat(id).isNotBlank();
    assertThat(response.body()).isEqualTo(id + " default v1 0 " + id);
  }

  @Test
  @DisplayName("R-REQ-7 200 requests get 200 different ids")
  void idsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> response = Http.get(port, "/app/id");
      assertThat(response.body()).startsWith(id(response) + " ");
      ids.add(id(response));
    }
    assertThat(ids).hasSize(200);
  }

  @Test
  @DisplayName("R-REQ-7 every response carries an id: 200, 204, 404, 500, 503, 413, 400")
  void everyResponseCarriesAnId() {
    assertThat(id(Http.get(port, "/app/id"))).isNotBlank();
    assertThat(id(Http.get(port, "/app/other"))).isNotBlank();

    HttpResponse<String> noServlet = Http.get(port, "/nothing");
    assertThat(noServlet.statusCode()).isEqualTo(404);
    assertThat(id(noServlet)).isNotBlank();

    HttpResponse<String> reserved = Http.get(port, "/_ah/start");
    assertThat(reserved.statusCode()).isEqualTo(404);
    assertThat(id(reserved)).isNotBlank();

    HttpResponse<String> failed = Http.get(port, "/app/fail");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(id(failed)).isNotBlank();

    CompletableFuture<HttpResponse<String>> blocked = Http.getAsync(port, "/app/block");
    Await.until("the only slot is taken", () -> recorder.saw("/app/block"));
    HttpResponse<String> failfast = Http.get(port, "/app/id", "X-AppEngine-FailFast", "true");
    assertThat(failfast.statusCode()).isEqualTo(503);
    assertThat(id(failfast)).isNotBlank();
    gate.countDown();
    assertThat(id(blocked.orTimeout(20, TimeUnit.SECONDS).join())).isNotBlank();

    RawHttp.Reply tooLarge = RawHttp.send(port, "POST /app/id HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
        + (32L * 1024 * 1024 + 1) + "\r\n\r\n");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.header(RequestIdHandler.HEADER)).isNotBlank();

    HttpResponse<String> badHeader = Http.get(port, "/app/id", "X-Big", "v".repeat(9000));
    assertThat(badHeader.statusCode()).isEqualTo(400);
    assertThat(id(badHeader)).isNotBlank();
  }
}
