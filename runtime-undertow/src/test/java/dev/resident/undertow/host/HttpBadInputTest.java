package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.RuntimeStats;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.host.RawConnection.Outcome;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.RequestPool;
import dev.resident.undertow.time.VirtualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-SEC-4 on raw sockets: each bad input gets its error status or is cut off, and afterwards no slot is
 * held, no thread is left and the instance still serves. The connection timeouts run in real time, so
 * they are short here; every wait is bounded.
 */
class HttpBadInputTest {

  private static final Duration PARSE_TIMEOUT = Duration.ofMillis(300);
  private static final Duration IDLE_TIMEOUT = Duration.ofMillis(600);
  /** Undertow's timers may fire this much early against the client's clock (none seen; a margin). */
  private static final long EARLY_MILLIS = 50;
  private static final Duration BOUND = Duration.ofSeconds(5);

  private final Recorder recorder = new Recorder();
  private final CountDownLatch gate = new CountDownLatch(1);
  private ResidentHost host;
  private int port;
  private ThreadBaseline threads;

  @BeforeEach
  void start() {
    host = TestHosts.builder(new VirtualClock())
        .version(VersionBuilder.manual("default", "v1", 1).maxConcurrentRequests(1).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, gate, null)))
        .requestParseTimeout(PARSE_TIMEOUT)
        .connectionIdleTimeout(IDLE_TIMEOUT)
        .build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
    port = host.port();
    assertServes();
    threads = ThreadBaseline.take();
  }

  @AfterEach
  void stop() {
    gate.countDown();
    host.stop();
  }

  private Outcome send(String request) {
    try (RawConnection connection = new RawConnection(port)) {
      return connection.write(request).awaitEnd(BOUND);
    }
  }

  private static void assertRefused(Outcome outcome, int status) {
    assertThat(outcome.status()).as("status of " + outcome).isEqualTo(status);
    assertThat(outcome.closedByServer()).as("connection closed").isTrue();
  }

  /** No slot or queue entry held, no thread left, and the instance answers. */
  private void assertNothingHeld() {
    assertNothingHeld(false);
  }

  /**
   * No slot or queue entry held, no thread left, and the instance answers.
   *
   * @param servedRequests whether the case sent requests that ran: each may have started one of the
   *     request pool's base threads, which stay (the pool must not grow past its base)
   */
  private void assertNothingHeld(boolean servedRequests) {
    Await.until("no request active or pending", BOUND, () -> {
      RuntimeStats stats = host.stats("default", "v1", "0");
      return stats.getRequestsActive() == 0 && stats.getRequestsPending() == 0;
    });
    if (servedRequests) {
      threads.awaitNoNewThreadsBut("resident-request-", BOUND);
      assertThat(Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("resident-request-")).count())
          .as("request threads").isLessThanOrEqualTo(RequestPool.defaultBaseThreads());
    } else {
      threads.awaitNoNewThreads(BOUND);
    }
    assertServes();
  }

  private void assertServes() {
    assertThat(RawHttp.get(port, "/hello", "localhost").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("R-SEC-4 half a request line, then nothing: cut off after request_parse_timeout")
  void halfRequestLine() {
    Outcome outcome = send("GET /hel");
    assertThat(outcome.closedByServer()).isTrue();
    assertThat(outcome.text()).isEmpty();
    assertThat(outcome.millis()).isGreaterThanOrEqualTo(PARSE_TIMEOUT.toMillis() - EARLY_MILLIS);
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 headers trickled a line at a time: cut off after request_parse_timeout all the same")
  void trickledHeaders() {
    AtomicBoolean open = new AtomicBoolean(true);
    try (RawConnection connection = new RawConnection(port)) {
      connection.write("GET / HTTP/1.1\r\nHost: x\r\n");
      Thread trickle = new Thread(() -> {
        for (int i = 0; open.get() && !connection.writeFailed() && i < 100; i++) {
          connection.write("X-Slow-" + i + ": v\r\n");
          LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
      }, "trickle");
      trickle.start();
      Outcome outcome = connection.awaitEnd(BOUND);
      open.set(false);
      assertThat(outcome.closedByServer()).isTrue();
      assertThat(outcome.millis()).as("cut off by the parse timeout, not after the whole trickle")
          .isBetween(PARSE_TIMEOUT.toMillis() - EARLY_MILLIS, 4000L);
      Await.until("the trickle ended", () -> !trickle.isAlive());
    }
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 a keep-alive connection left idle after a response: closed after idle_timeout")
  void idleKeepAlive() {
    try (RawConnection connection = new RawConnection(port)) {
      assertThat(connection.write("GET /first HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(BOUND))
          .startsWith("HTTP/1.1 200");
      Outcome outcome = connection.awaitEnd(BOUND);
      assertThat(outcome.closedByServer()).isTrue();
      assertThat(outcome.text()).isEmpty();
      // The host's timer starts when the response is done, a moment before this client has read it.
      assertThat(outcome.millis()).as("kept open for a while").isGreaterThanOrEqualTo(IDLE_TIMEOUT.toMillis() / 2);
    }
    assertNothingHeld(true);
  }

  @Test
  @DisplayName("R-SEC-4 a connection that never sends a byte: closed after idle_timeout")
  void silentConnection() {
    try (RawConnection connection = new RawConnection(port)) {
      Outcome outcome = connection.awaitEnd(BOUND);
      assertThat(outcome.closedByServer()).isTrue();
      assertThat(outcome.millis()).isGreaterThanOrEqualTo(IDLE_TIMEOUT.toMillis() - EARLY_MILLIS);
    }
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 a request that runs longer than idle_timeout is not cut off: a running request is not idle")
  void runningRequestIsNotIdle() {
    try (RawConnection running = new RawConnection(port); RawConnection idle = new RawConnection(port)) {
      running.write("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
      Await.until("the request runs", () -> recorder.saw("blocking default/v1/0"));
      assertThat(idle.awaitEnd(BOUND).closedByServer()).as("a connection opened beside it timed out").isTrue();
      gate.countDown();
      assertThat(running.readResponse(BOUND)).startsWith("HTTP/1.1 200").endsWith("done default/v1/0");
    }
    assertNothingHeld(true);
  }

  @Test
  @DisplayName("R-SEC-4 a request that waits in the pending queue longer than idle_timeout is not cut off either")
  void queuedRequestIsNotIdle() {
    try (RawConnection running = new RawConnection(port); RawConnection queued = new RawConnection(port);
        RawConnection idle = new RawConnection(port)) {
      running.write("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
      Await.until("the request runs", () -> recorder.saw("blocking default/v1/0"));
      queued.write("GET /queued HTTP/1.1\r\nHost: x\r\n\r\n");
      Await.until("the second request waits", () -> host.stats("default", "v1", "0").getRequestsPending() == 1);
      assertThat(idle.awaitEnd(BOUND).closedByServer()).as("a connection opened beside them timed out").isTrue();
      gate.countDown();
      assertThat(running.readResponse(BOUND)).startsWith("HTTP/1.1 200");
      assertThat(queued.readResponse(BOUND)).startsWith("HTTP/1.1 200").endsWith("default/v1/0");
    }
    assertNothingHeld(true);
  }

  @Test
  @DisplayName("R-SEC-4 10,000 headers: 400, closed")
  void tenThousandHeaders() {
    StringBuilder request = new StringBuilder("GET /many HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 10_000; i++) {
      request.append("X-Header-").append(i).append(": v\r\n");
    }
    assertRefused(send(request.append("\r\n").toString()), 400);
    assertThat(recorder.saw("/many default/v1/0")).isFalse();
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 invalid bytes in a header (NUL, a control byte in a name, a bare CR): 400, closed")
  void invalidHeaderBytes() {
    assertRefused(send("GET /bad HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n"), 400);
    assertRefused(send("GET /bad HTTP/1.1\r\nHost: x\r\nX\u0001Bad: ab\r\n\r\n"), 400);
    assertRefused(send("GET /bad HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n"), 400);
    assertRefused(send("GET /bad HTTP/1.1\r\nHost: x\r\nX Bad: ab\r\n\r\n"), 400);
    assertThat(recorder.saw("/bad default/v1/0")).isFalse();
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 a request line of 1 MB: 400, closed")
  void megabyteRequestLine() {
    assertRefused(send("GET /" + "a".repeat(1 << 20) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 Content-Length with Transfer-Encoding, or two Content-Lengths: 400, closed, nothing smuggled")
  void conflictingLengths() {
    String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "0\r\n\r\n" + smuggled), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n"
        + "0\r\n\r\n" + smuggled), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\nhello!"), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 400);
    assertThat(recorder.saw("/smuggled default/v1/0")).isFalse();
    assertNothingHeld();
  }

  @Test
  @DisplayName("R-SEC-4 a Transfer-Encoding other than chunked: 400 (or 501 before a final chunked), closed, nothing smuggled")
  void transferCodingsOtherThanChunked() {
    String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n0\r\n\r\n" + smuggled), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n" + smuggled), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \r\n\r\n0\r\n\r\n" + smuggled), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n"
        + "0\r\n\r\n" + smuggled), 400);
    assertRefused(send("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
        + "0\r\n\r\n" + smuggled), 501);
    assertThat(recorder.saw("/smuggled default/v1/0")).isFalse();
    try (RawConnection chunked = new RawConnection(port)) {
      assertThat(chunked.write("GET /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n")
          .readResponse(BOUND)).as("a single chunked coding, any case, is fine").startsWith("HTTP/1.1 200");
    }
    assertNothingHeld(true);
  }
}
