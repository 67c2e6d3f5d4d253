package dev.resident.examples.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.testing.ResidentTest;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ported servlet on a real host, configured by the same yaml files the launcher runs. */
@ResidentTest(config = {"app.yaml", "tally.yaml"})
class TallyServletHostTest {

  @Test
  @DisplayName("R-TEST-1 R-LIFE-1 R-LIFE-5 from the yaml files: each instance's start registers its hook, and stopVersion runs it, flushing that instance's counts")
  void stopVersionFlushesEachInstance(ResidentHost host, ResidentClient client, ModulesService modules, VirtualClock clock) {
    try (LogRecords log = new LogRecords()) {
      ResidentClient.Target tally0 = client.instance("tally", "v1", "0");
      ResidentClient.Target tally1 = client.instance("tally", "v1", "1");
      assertThat(tally0.post("/events/signup", "").body()).isEqualTo("signup: 1 pending on tally/0\n");
      assertThat(tally0.post("/events/signup", "").body()).isEqualTo("signup: 2 pending on tally/0\n");
      assertThat(tally1.post("/events/login", "").body()).isEqualTo("login: 1 pending on tally/1\n");
      assertThat(tally0.get("/").body()).isEqualTo("tally/0 of 2: pending {signup=2}, 0 flushes; instances: 0=localhost:"
          + host.instancePort("tally", "v1", "0") + " 1=localhost:" + host.instancePort("tally", "v1", "1") + "\n");
      long before = clock.nanoTime();

      modules.stopVersion("tally", null);

      assertThat(clock.nanoTime()).as("stopped without the grace ending").isEqualTo(before);
      assertThat(log.messages()).contains(
          "tally/0 flushed {signup=2} (shutdown)",
          "tally/1 flushed {login=1} (shutdown)",
          "tally/0 flusher stopped: the instance is shutting down",
          "tally/1 flusher stopped: the instance is shutting down");
    }
  }
}
