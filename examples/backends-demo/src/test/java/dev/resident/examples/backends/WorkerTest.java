package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.BOUND;
import static dev.resident.examples.backends.DemoFixture.await;
import static dev.resident.examples.backends.DemoFixture.awaitServing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkerTest extends DemoHostTest {

  /** Starts a job of a minute on worker/0 and waits until it holds the instance's one slot. */
  private static CompletableFuture<HttpResponse<String>> busyWorker(ResidentHost host, ResidentClient client) {
    awaitServing(host, "worker", 1);
    CompletableFuture<HttpResponse<String>> job = client.instance("worker", "v1", "0").getAsync("/work?seconds=60");
    await("the job to hold worker/0's slot", () -> host.stats("worker", "v1", "0").getRequestsActive() == 1);
    return job;
  }

  @Test
  @DisplayName("R-REQ-3 R-CFG-3 worker is failfast: a request that finds its one slot busy gets 503 at once, not a place in the queue")
  void failfastWhenBusy(ResidentHost host, ResidentClient client) {
    busyWorker(host, client);

    // The pending timeout runs on the virtual clock, which this test never moves: a request that waited
    // would time out on the client's 5 seconds instead of getting its 503.
    HttpResponse<String> second = client.withTimeout(Duration.ofSeconds(5))
        .instance("worker", "v1", "0").get("/work?seconds=1");

    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("X-Resident-Rejected")).hasValue("failfast");
    assertThat(host.stats("worker", "v1", "0").getRejections()).containsEntry("failfast", 1L);
  }

  @Test
  @DisplayName("R-LIFE-5 R-API-1 worker's shutdown hook interrupts the job in flight, which answers at once and lets the instance stop")
  void hookInterruptsTheJob(ResidentHost host, ResidentClient client, ModulesService modules) throws Exception {
    CompletableFuture<HttpResponse<String>> job = busyWorker(host, client);

    Future<Void> stopped = modules.stopVersionAsync("worker", null);

    HttpResponse<String> answer = job.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).startsWith("worker/0 gave up its job after ").endsWith("ms: the instance is shutting down\n");
    stopped.get(BOUND.toSeconds(), TimeUnit.SECONDS);
  }
}
