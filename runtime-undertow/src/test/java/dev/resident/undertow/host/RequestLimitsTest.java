package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.RuntimeStats;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.request.RequestIdHandler;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

  private static final String SMALL_LIMITS = """
      application: app
      version: v1
      manual_scaling:
        instances: 1
      resident:
        max_request_body: 1KB
        max_header_size: 1KB
        max_concurrent_requests: 1
      """;
  private static final String DEFAULT_LIMITS = """
      application: app
      version: v1
      manual_scaling:
        instances: 1
      """;

  private final Recorder recorder = new Recorder();
  private final CountDownLatch gate = new CountDownLatch(1);
  private ResidentHost host;

  /** Answers how many body bytes it read; {@code /block} waits for the test's gate. */
  static final class BodyServlet extends GatedServlet {
    BodyServlet(Recorder recorder, CountDownLatch gate) {
      super(recorder, gate);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      recorder.record("post");
      if (req.getParameter("ignore") != null) {
        resp.getWriter().print("ignored");
        return;
      }
      int read = req.getInputStream().readAllBytes().length;
      recorder.record("read " + read);
      resp.getWriter().print("read " + read);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      recorder.record("get " + req.getRequestURI());
      if (req.getRequestURI().equals("/block")) {
        awaitGate();
      }
      resp.getWriter().print("ok");
    }
  }

  @AfterEach
  void stop() {
    gate.countDown();
    if (host != null) {
      host.stop();
    }
  }

  private int start(String yaml) {
    host = TestHosts.builder(new VirtualClock())
        .config("app.yaml", yaml)
        .handlers("default", h -> h.servlet("/*", BodyServlet.class, () -> new BodyServlet(recorder, gate)))
        .build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
    return host.port();
  }

  private static String post(String headers) {
    return "POST /body HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
  }

  private static String chunked(int... sizes) {
    StringBuilder request = new StringBuilder(post("Transfer-Encoding: chunked\r\n"));
    for (int size : sizes) {
      request.append(Integer.toHexString(size)).append("\r\n").append("b".repeat(size)).append("\r\n");
    }
    return request.append("0\r\n\r\n").toString();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static HttpRequest.Builder postBody(int port, int bytes) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/body"))
        .timeout(Http.TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes]));
  }

  @Test
  @DisplayName("R-REQ-6 a declared body over max_request_body gets 413 before a byte is read; it never reaches the servlet")
  void declaredBodyOverLimit() {
    int port = start(SMALL_LIMITS);

    RawHttp.Reply unsent = RawHttp.send(port, post("Content-Length: 1025\r\n"));
    assertThat(unsent.status()).isEqualTo(413);
    assertThat(unsent.header("Connection")).isEqualTo("close");
    assertThat(unsent.header(RequestIdHandler.HEADER)).isNotBlank();

    HttpResponse<String> expectContinue = send(postBody(port, 1025).expectContinue(true).build());
    assertThat(expectContinue.statusCode()).isEqualTo(413);

    assertThat(send(postBody(port, 1024).build()).body()).isEqualTo("read 1024");
    assertThat(recorder.count("post")).isEqualTo(1);
  }

  @Test
  @DisplayName("R-REQ-6 a chunked body is cut off at max_request_body: reading past it answers 413 and closes the connection")
  void chunkedBodyOverLimit() {
    int port = start(SMALL_LIMITS);

    RawHttp.Reply over = RawHttp.send(port, chunked(500, 500, 500));
    assertThat(over.status()).isEqualTo(413);
    assertThat(over.header("Connection")).isEqualTo("close");
    assertThat(over.header(RequestIdHandler.HEADER)).isNotBlank();
    assertThat(recorder.saw("post")).isTrue();
    assertThat(recorder.events).noneMatch(e -> e.startsWith("read"));

    RawHttp.Reply within = RawHttp.send(port, chunked(500, 524).replace("Host: localhost\r\n",
        "Host: localhost\r\nConnection: close\r\n"));
    assertThat(within.status()).isEqualTo(200);
    assertThat(within.body()).isEqualTo("read 1024");

    RawHttp.Reply ignored = RawHttp.send(port, chunked(500, 500, 500).replace("/body", "/body?ignore"));
    assertThat(ignored.status()).as("a servlet that never reads the body answers as it likes").isEqualTo(200);
    assertThat(ignored.body()).isEqualTo("ignored");
  }

  @Test
  @DisplayName("R-REQ-6 the default body limit is 32 MB")
  void defaultBodyLimit() {
    int port = start(DEFAULT_LIMITS);
    assertThat(RawHttp.send(port, post("Content-Length: " + (32L * 1024 * 1024 + 1) + "\r\n")).status())
        .isEqualTo(413);
    assertThat(recorder.saw("post")).isFalse();
  }

  @Test
  @DisplayName("R-REQ-6 one header field (name + value) over max_header_size, 8 KB by default, gets 400")
  void headerFieldOverDefaultLimit() {
    int port = start(DEFAULT_LIMITS);
    String name = "X-Big";

    assertThat(Http.get(port, "/at-limit", name, "v".repeat(8192 - name.length())).statusCode()).isEqualTo(200);

    HttpResponse<String> over = Http.get(port, "/over-limit", name, "v".repeat(8192 - name.length() + 1));
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.headers().firstValue(RequestIdHandler.HEADER)).isPresent();
    assertThat(recorder.saw("get /over-limit")).isFalse();

    HttpResponse<String> twoFields = Http.get(port, "/two-fields",
        name, "v".repeat(6000), name, "w".repeat(6000));
    assertThat(twoFields.statusCode()).as("the limit is per field, not per name").isEqualTo(200);
  }

  @Test
  @DisplayName("R-REQ-6 max_header_size in resident: overrides the header field limit")
  void headerFieldOverOverriddenLimit() {
    int port = start(SMALL_LIMITS);
    assertThat(Http.get(port, "/x", "X-Big", "v".repeat(1024 - 5)).statusCode()).isEqualTo(200);
    assertThat(Http.get(port, "/y", "X-Big", "v".repeat(1024 - 4)).statusCode()).isEqualTo(400);
    assertThat(recorder.saw("get /y")).isFalse();
  }

  @Test
  @DisplayName("R-REQ-6 a request over a limit is answered at once: it takes no admission slot and never waits")
  void rejectedRequestsTakeNoSlot() {
    int port = start(SMALL_LIMITS);
    CompletableFuture<HttpResponse<String>> blocked = Http.getAsync(port, "/block");
    Await.until("the only slot is taken", () -> recorder.saw("get /block"));

    assertThat(RawHttp.send(port, post("Content-Length: 5000\r\n")).status()).isEqualTo(413);
    assertThat(Http.get(port, "/z", "X-Big", "v".repeat(2000)).statusCode()).isEqualTo(400);

    RuntimeStats stats = host.stats("default", "v1", "0");
    assertThat(stats.getRequestsActive()).isEqualTo(1);
    assertThat(stats.getRequestsPending()).isZero();
    assertThat(stats.getRejections().values()).containsOnly(0L);
    gate.countDown();
    assertThat(blocked.orTimeout(20, TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("R-REQ-6 a header block over Undertow's parser limit (64 KB by default) gets Undertow's bare 400")
  void headerBlockOverParserLimit() {
    int port = start(DEFAULT_LIMITS);
    RawHttp.Reply reply = RawHttp.send(port,
        "GET /x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "v".repeat(66 * 1024) + "\r\n\r\n");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Connection")).isEqualTo("close");
    assertThat(reply.header(RequestIdHandler.HEADER)).isNull();
    assertThat(recorder.saw("get /x")).isFalse();
  }
}
