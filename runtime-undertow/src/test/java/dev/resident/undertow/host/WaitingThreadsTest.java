package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.time.VirtualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Waiting requests are queue entries, not threads. */
class WaitingThreadsTest {

  private static final int WAITING = 1_000;
  /** Threads the JVM may start or end on its own meanwhile (JIT, GC, reference handling). */
  private static final int NOISE = 3;

  private final VirtualClock clock = new VirtualClock();

  @Test
  @DisplayName("R-REQ-2 R-PERF-2 1,000 requests waiting on a busy instance add no thread; then each gets exactly one response")
  void waitingRequestsHoldNoThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (QueueFixture fixture = QueueFixture.start(clock, QueueFixture.oneSlot().maxPendingRequests(WAITING))) {
      CompletableFuture<HttpResponse<String>> blocker = fixture.occupy();
      int before = threads.getThreadCount();

      try (ManyConnections clients =
          ManyConnections.get(fixture.port(), WAITING, i -> "/wait/" + i, Duration.ofSeconds(10))) {
        fixture.awaitPending(WAITING);
        int waiting = threads.getThreadCount();
        assertThat(waiting).as("live threads with %d requests waiting; %d before", WAITING, before)
            .isLessThanOrEqualTo(before + NOISE);

        fixture.servlet.gate.release();
        List<String> responses = clients.awaitResponses(Duration.ofSeconds(10));
        for (int i = 0; i < WAITING; i++) {
          String response = responses.get(i);
          assertThat(response).as("response %d", i).startsWith("HTTP/1.1 200 ").endsWith("ok /wait/" + i);
          assertThat(response.split("HTTP/1\\.1 ", -1)).as("responses on connection %d", i).hasSize(2);
        }
      }
      assertThat(blocker.join().statusCode()).isEqualTo(200);
      fixture.awaitIdle();
      assertThat(fixture.servlet.served.stream().filter(p -> p.startsWith("/wait/")).distinct().count())
          .isEqualTo(WAITING);
      assertThat(fixture.servlet.mostInside).hasValue(1);
      assertThat(fixture.stats().getRejections().values()).containsOnly(0L);
    }
  }
}
