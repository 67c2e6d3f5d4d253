package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admission rules of one instance, over real HTTP, with time moved by a virtual clock. */
class PendingQueueTest {

  private static final String REJECTED = "X-Resident-Rejected";

  private final VirtualClock clock = new VirtualClock();

  @Test
  @DisplayName("R-REQ-2 waiting requests are admitted in the order they arrived")
  void fifo() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot())) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      List<String> sent = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        sent.add("/fifo/" + i);
        waiting.add(Http.getAsync(fixture.port(), "/fifo/" + i));
        fixture.awaitPending(i);
      }
      fixture.release(blocker);
      for (CompletableFuture<HttpResponse<String>> response : waiting) {
        assertThat(response.join().statusCode()).isEqualTo(200);
      }
      assertThat(fixture.servlet.served.stream().filter(p -> p.startsWith("/fifo/")).toList()).isEqualTo(sent);
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-2 a request waits until pending_timeout has passed, not a moment less, then gets 503 with Retry-After")
  void pendingTimeout() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot())) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      CompletableFuture<HttpResponse<String>> late = Http.getAsync(fixture.port(), "/late");
      fixture.awaitPending(1);

      clock.advance(Duration.ofMillis(9_900));
      assertThat(fixture.stats().getRequestsPending()).as("still waiting at 9.9 s").isEqualTo(1);
      assertThat(late).isNotDone();

      clock.advance(Duration.ofMillis(100));
      HttpResponse<String> response = late.join();
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue(REJECTED)).hasValue("pending-timeout");
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(fixture.stats().getRequestsPending()).isZero();
      assertThat(fixture.rejected("pending-timeout")).isEqualTo(1);

      fixture.release(blocker);
      assertThat(fixture.servlet.served).doesNotContain("/late");
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-2 a request beyond max_pending_requests gets 503 queue-full at once")
  void queueFull() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot().maxPendingRequests(2))) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      CompletableFuture<HttpResponse<String>> first = Http.getAsync(fixture.port(), "/first");
      fixture.awaitPending(1);
      CompletableFuture<HttpResponse<String>> second = Http.getAsync(fixture.port(), "/second");
      fixture.awaitPending(2);

      HttpResponse<String> third = Http.get(fixture.port(), "/third");
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.headers().firstValue(REJECTED)).hasValue("queue-full");
      assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(fixture.stats().getRequestsPending()).isEqualTo(2);
      assertThat(fixture.rejected("queue-full")).isEqualTo(1);

      fixture.servlet.gate.release();
      assertThat(List.of(blocker.join(), first.join(), second.join()))
          .extracting(HttpResponse::statusCode).containsOnly(200);
      assertThat(fixture.servlet.served).doesNotContain("/third");
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-3 X-AppEngine-FailFast (any value but false) gets 503 failfast at once when no slot is free")
  void failfastHeader() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot())) {
      assertThat(Http.get(fixture.port(), "/free", "X-AppEngine-FailFast", "true").statusCode())
          .as("a free slot admits a failfast request").isEqualTo(200);

      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      for (String value : new String[] {"true", "1", ""}) {
        HttpResponse<String> response = Http.get(fixture.port(), "/fast", "X-AppEngine-FailFast", value);
        assertThat(response.statusCode()).as("value '%s'", value).isEqualTo(503);
        assertThat(response.headers().firstValue(REJECTED)).hasValue("failfast");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      }
      assertThat(fixture.stats().getRequestsPending()).isZero();

      CompletableFuture<HttpResponse<String>> patient =
          Http.getAsync(fixture.port(), "/patient", "X-AppEngine-FailFast", "false");
      fixture.awaitPending(1);
      fixture.release(blocker);
      assertThat(patient.join().body()).isEqualTo("ok /patient");
      assertThat(fixture.rejected("failfast")).isEqualTo(3);
      assertThat(fixture.servlet.served).doesNotContain("/fast");
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-3 the version option failfast rejects at once whatever the header says")
  void failfastOption() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot().failfast())) {
      assertThat(Http.get(fixture.port(), "/free").statusCode()).isEqualTo(200);

      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      HttpResponse<String> plain = Http.get(fixture.port(), "/plain");
      HttpResponse<String> saysFalse = Http.get(fixture.port(), "/false", "X-AppEngine-FailFast", "false");
      for (HttpResponse<String> response : List.of(plain, saysFalse)) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue(REJECTED)).hasValue("failfast");
      }
      assertThat(fixture.rejected("failfast")).isEqualTo(2);

      fixture.release(blocker);
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-1 an instance runs at most max_concurrent_requests at once; the rest wait")
  void maxConcurrentRequests() {
    try (QueueFixture fixture = QueueFixture.start(clock,
        VersionBuilder.manual("default", "v1", 1).maxConcurrentRequests(3))) {
      List<CompletableFuture<HttpResponse<String>>> responses = sendBlocking(fixture, 6);
      Await.until("3 run and 3 wait", () -> fixture.servlet.inside.get() == 3
          && fixture.stats().getRequestsActive() == 3 && fixture.stats().getRequestsPending() == 3);

      fixture.servlet.gate.release(6);
      responses.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));
      assertThat(fixture.servlet.mostInside).hasValue(3);
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-1 threadsafe false serves one request at a time")
  void notThreadsafe() {
    try (QueueFixture fixture = QueueFixture.start(clock,
        VersionBuilder.manual("default", "v1", 1).threadsafe(false))) {
      List<CompletableFuture<HttpResponse<String>>> responses = sendBlocking(fixture, 6);
      Await.until("1 runs and 5 wait", () -> fixture.stats().getRequestsActive() == 1
          && fixture.stats().getRequestsPending() == 5);

      fixture.servlet.gate.release(6);
      responses.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));
      assertThat(fixture.servlet.mostInside).as("requests in the servlet at once, at most").hasValue(1);
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-1 a servlet that throws gives its slot back: the next request is admitted")
  void throwingServletReleasesItsSlot() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot())) {
      CompletableFuture<HttpResponse<String>> thrower = Http.getAsync(fixture.port(), "/throw");
      Await.until("the servlet holds /throw", () -> fixture.servlet.served.contains("/throw"));
      CompletableFuture<HttpResponse<String>> next = Http.getAsync(fixture.port(), "/next");
      fixture.awaitPending(1);

      fixture.servlet.gate.release();
      assertThat(thrower.join().statusCode()).isEqualTo(500);
      assertThat(next.join().body()).isEqualTo("ok /next");
      fixture.awaitIdle();
      assertThat(Http.get(fixture.port(), "/after").statusCode()).isEqualTo(200);
      assertThat(fixture.stats().getRejections().values()).containsOnly(0L);
    }
  }

  private static List<CompletableFuture<HttpResponse<String>>> sendBlocking(QueueFixture fixture, int count) {
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      responses.add(Http.getAsync(fixture.port(), "/block"));
    }
    return responses;
  }
}
