package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Many requests at once into one slot: every client gets exactly one answer and nothing is left behind. */
class AdmissionStressTest {

  private static final String REJECTED = "X-Resident-Rejected: ";

  @Test
  @DisplayName("R-REQ-1 R-REQ-2 2,000 concurrent requests into one slot with a 300 ms pending timeout: one 200 or 503 each, nothing left")
  void concurrentRequestsIntoOneSlot() {
    int count = 2_000;
    try (QueueFixture fixture = QueueFixture.startOnSystemClock(
        QueueFixture.oneSlot().pendingTimeout(Duration.ofMillis(300)))) {
      List<String> responses;
      try (ManyConnections clients =
          ManyConnections.get(fixture.port(), count, i -> "/load/" + i, Duration.ofSeconds(15))) {
        responses = clients.awaitResponses(Duration.ofSeconds(15));
      }

      Map<String, Long> outcomes = responses.stream().collect(Collectors.groupingBy(
          AdmissionStressTest::outcome, Collectors.counting()));
      assertThat(outcomes.keySet()).as("outcomes %s", outcomes)
          .isSubsetOf("200", "503 queue-full", "503 pending-timeout");
      for (String response : responses) {
        assertThat(response.split("HTTP/1\\.1 ", -1)).as("one response per connection").hasSize(2);
      }
      fixture.awaitIdle();
      Map<String, Long> rejections = fixture.stats().getRejections();
      assertThat(outcomes.getOrDefault("503 queue-full", 0L)).isEqualTo(rejections.get("queue-full"));
      assertThat(outcomes.getOrDefault("503 pending-timeout", 0L)).isEqualTo(rejections.get("pending-timeout"));
      assertThat(outcomes.getOrDefault("200", 0L))
          .isEqualTo(fixture.servlet.served.stream().filter(p -> p.startsWith("/load/")).count());
      assertThat(fixture.servlet.mostInside).hasValue(1);
    }
  }

  @Test
  @DisplayName("R-REQ-2 half of 1,000 waiting clients go away at once: the queue keeps the other half, all served")
  void halfTheWaitingClientsGoAway() {
    int count = 1_000;
    try (QueueFixture fixture = QueueFixture.start(new VirtualClock(), QueueFixture.oneSlot())) {
      fixture.occupy();
      try (ManyConnections clients =
          ManyConnections.get(fixture.port(), count, i -> "/half/" + i, Duration.ofSeconds(10))) {
        fixture.awaitPending(count);
        clients.abandon(i -> i % 2 == 0);
        fixture.awaitPending(count / 2);

        fixture.servlet.gate.release();
        List<String> responses = clients.awaitResponses(Duration.ofSeconds(10));
        for (int i = 1; i < count; i += 2) {
          assertThat(responses.get(i)).startsWith("HTTP/1.1 200 ").endsWith("ok /half/" + i);
        }
      }
      fixture.awaitIdle();
      assertThat(fixture.servlet.served).noneMatch(p -> p.startsWith("/half/") && Integer.parseInt(p.substring(6)) % 2 == 0);
      assertThat(fixture.stats().getRejections().values()).containsOnly(0L);
    }
  }

  private static String outcome(String response) {
    if (!response.startsWith("HTTP/1.1 ")) {
      return "no response: " + response;
    }
    String status = response.substring(9, 12);
    int reason = response.indexOf(REJECTED);
    return reason < 0 ? status : status + " " + response.substring(reason + REJECTED.length(), response.indexOf('\r', reason));
  }
}
