package dev.resident.examples.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.testing.ResidentSetup;
import dev.resident.testing.ResidentTest;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The converted app on a real host: the WAR directories the recipe's output was compiled into. */
@ResidentTest
class TallyServletHostTest {

  @ResidentSetup
  static void convertedWar(ResidentHost.Builder host) {
    host.config(ConvertedApp.defaultWar(), ConvertedApp.tallyWar());
  }

  @Test
  @DisplayName("R-WAR-1 R-MIG-1 the appengine-web.xml files run as they are: application tally, its default module's static page, module tally v1 with two manual instances")
  void runsTheWars(ResidentHost host, ResidentClient client) {
    assertThat(host.config().applicationId()).isEqualTo("tally");
    assertThat(host.instances()).filteredOn(i -> i.module().equals("tally"))
        .extracting(i -> i.version() + "/" + i.instance()).containsExactlyInAnyOrder("v1/0", "v1/1");
    assertThat(client.get("/").body()).contains("<h1>tally</h1>");
    assertThat(client.instance("tally", "v1", "1").get("/env").body())
        .as("ApiProxy's environment, now Resident's").isEqualTo("tally/v1/1\n");
  }

  @Test
  @DisplayName("R-TEST-1 R-LIFE-1 R-LIFE-5 R-MIG-1 the converted WAR: each instance's start registers its hook, and stopVersion runs it, flushing that instance's counts")
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
