package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.testing.ResidentClient;
import dev.resident.testing.ResidentSetup;
import dev.resident.testing.ResidentTest;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ResidentTest
class CmdlineIdleTest {

  @TempDir
  static Path root;

  static DemoFixture demo;

  @ResidentSetup
  static void demo(ResidentHost.Builder host) {
    demo = DemoFixture.configure(host, root, 2, Duration.ofMillis(10));
  }

  @Test
  @DisplayName("R-LIFE-1 R-LIFE-7 R-TEST-3 cmdline starts on demand, answers after its start job, and is shut down after idle_timeout (5m, virtual)")
  void startsOnDemandAndStopsWhenIdle(ResidentHost host, ResidentClient client, VirtualClock clock) {
    ResidentClient.Target cmdline = client.instance("cmdline", "v1", "0");

    assertThat(cmdline.get("/status").body()).isEqualTo("cmdline/0 last job: finished all 2 steps\n");
    assertThat(host.instanceState("cmdline", "v1", "0")).isEqualTo(InstanceState.SERVING);
    // The client has its answer a moment before the request has left the instance; idle starts then.
    await("the start request and /status to leave cmdline/0",
        () -> host.stats("cmdline", "v1", "0").getRequestsTotal() == 2);

    clock.advance(Duration.ofMinutes(4));
    assertThat(host.instanceState("cmdline", "v1", "0")).as("idle for 4 of its 5 minutes").isEqualTo(InstanceState.SERVING);
    clock.advance(Duration.ofMinutes(1));
    await("cmdline/0 to stop after 5 idle minutes",
        () -> host.instanceState("cmdline", "v1", "0") == InstanceState.STOPPED);

    assertThat(cmdline.get("/status").body()).as("a fresh instance, with a fresh job")
        .isEqualTo("cmdline/0 last job: finished all 2 steps\n");
    assertThat(demo.events("cmdline/0 job started")).hasSize(2);
  }
}
