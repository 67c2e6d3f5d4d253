package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Clients that go away while their request waits, and clients that stay and keep their connection. The
 * virtual clock is never moved unless said, so no pending timeout can end a wait.
 */
class DisconnectWhileWaitingTest {

  private final VirtualClock clock = new VirtualClock();

  @Test
  @DisplayName("R-REQ-2 a client that disconnects while waiting leaves the queue at once and leaks nothing")
  void disconnectLeavesTheQueue() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot())) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      int timersBefore = clock.pendingTasks();
      for (int round = 1; round <= 20; round++) {
        try (KeepAliveSocket client = new KeepAliveSocket(fixture.port())) {
          client.get("/gone/" + round);
          fixture.awaitPending(1);
        }
        Await.until("the closed client leaves the queue", Duration.ofSeconds(5),
            () -> fixture.stats().getRequestsPending() == 0);
      }
      assertThat(fixture.stats().getRequestsActive()).isEqualTo(1);
      assertThat(clock.pendingTasks()).as("no pending-timeout sweep is left behind").isEqualTo(timersBefore);
      assertThat(fixture.stats().getRejections().values()).containsOnly(0L);

      fixture.release(blocker);
      assertThat(Http.get(fixture.port(), "/next").body()).isEqualTo("ok /next");
      fixture.awaitIdle();
      assertThat(fixture.servlet.served).noneMatch(path -> path.startsWith("/gone/"));
    }
  }

  @Test
  @DisplayName("R-REQ-2 a keep-alive connection whose requests wait one after the other is served every time")
  void keepAliveRequestsWaitOneAfterTheOther() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot());
        KeepAliveSocket client = new KeepAliveSocket(fixture.port())) {
      for (int round = 1; round <= 3; round++) {
        CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
        client.get("/round/" + round);
        fixture.awaitPending(1);
        fixture.release(blocker);
        assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "ok /round/" + round));
      }
      client.get("/free");
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "ok /free"));
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-2 a request pipelined behind a waiting one is kept and served after it")
  void pipelinedRequestIsKept() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot());
        KeepAliveSocket client = new KeepAliveSocket(fixture.port())) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      client.get("/first");
      fixture.awaitPending(1);
      client.get("/second");

      fixture.release(blocker);
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "ok /first"));
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "ok /second"));
      assertThat(fixture.servlet.served).containsSubsequence("/first", "/second");
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-2 a waiting request with a body keeps its body for the servlet")
  void waitingRequestKeepsItsBody() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot());
        KeepAliveSocket client = new KeepAliveSocket(fixture.port())) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      client.post("/echo", "the body, intact");
      fixture.awaitPending(1);

      fixture.release(blocker);
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "the body, intact"));
      fixture.awaitIdle();
    }
  }

  @Test
  @DisplayName("R-REQ-2 a gone client of a request with an unread body waits out its pending timeout, then nothing is left")
  void goneClientWithBodyTimesOut() {
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot())) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      try (KeepAliveSocket client = new KeepAliveSocket(fixture.port())) {
        client.post("/echo", "never read");
        fixture.awaitPending(1);
      }
      clock.advance(Duration.ofSeconds(10));
      assertThat(fixture.stats().getRequestsPending()).isZero();
      assertThat(fixture.rejected("pending-timeout")).isEqualTo(1);

      fixture.release(blocker);
      assertThat(Http.get(fixture.port(), "/next").statusCode()).isEqualTo(200);
      fixture.awaitIdle();
      assertThat(fixture.servlet.served).doesNotContain("/echo");
    }
  }
}
