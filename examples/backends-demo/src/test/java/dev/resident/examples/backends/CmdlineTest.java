package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.BOUND;
import static dev.resident.examples.backends.DemoFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CmdlineTest extends DemoHostTest {

  @Test
  @DisplayName("R-LIFE-1 R-LIFE-5 R-LIFE-6 cmdline's long start job watches isShuttingDown and ends cleanly when its version stops")
  void longStartJobStopsCleanly(ResidentHost host, ResidentClient client, ModulesService modules, VirtualClock clock)
      throws Exception {
    assertThat(host.instanceState("cmdline", "v1", "0")).as("dynamic: no instance before a request")
        .isEqualTo(InstanceState.STOPPED);

    CompletableFuture<HttpResponse<String>> first = client.instance("cmdline", "v1", "0").getAsync("/status");

    await("the start job to run", () -> !demo.events("cmdline/0 job started").isEmpty());
    await("the first request to wait for the start job",
        () -> host.stats("cmdline", "v1", "0").getRequestsPending() == 1);
    assertThat(host.instanceState("cmdline", "v1", "0")).isEqualTo(InstanceState.STARTING);
    long before = clock.nanoTime();

    Future<Void> stopped = modules.stopVersionAsync("cmdline", null);

    // The clock never moves, so the grace never ends and nothing is interrupted: the stop completes only
    // because the job saw the shutdown and returned.
    stopped.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(clock.nanoTime()).isEqualTo(before);
    assertThat(demo.events("cmdline/0 job ")).hasSize(2).last().asString()
        .matches("cmdline/0 job stopped cleanly after \\d+ of 1000 steps: the instance is shutting down");
    HttpResponse<String> waited = first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(waited.statusCode()).as("the request that waited for the start").isEqualTo(404);
    assertThat(waited.headers().firstValue("X-Resident-Rejected")).hasValue("stopping");
  }
}
