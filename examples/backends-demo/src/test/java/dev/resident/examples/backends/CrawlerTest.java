package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.BOUND;
import static dev.resident.examples.backends.DemoFixture.await;
import static dev.resident.examples.backends.DemoFixture.awaitServing;
import static dev.resident.examples.backends.DemoFixture.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrawlerTest extends DemoHostTest {

  @Test
  @DisplayName("R-BG-3 R-API-3 a crawler's background thread fetches from memdb at the address getInstanceHostname gives")
  void fetchesFromMemdb(ResidentHost host, ResidentClient client) {
    awaitServing(host, "memdb", 5);
    awaitServing(host, "crawler", 10);
    put(client.internal().instance("memdb", "v1", "3"), "/kv/" + CrawlerServlet.FRONTIER, "https://example.com/");

    ResidentClient.Target crawler3 = client.instance("crawler", "v1", "3");
    await("crawler/3 to fetch the frontier", () -> crawler3.get("/status").body().contains("200 https://example.com/"));

    assertThat(crawler3.get("/status").body())
        .startsWith("crawler/3 reads memdb/3 at localhost:" + host.instancePort("memdb", "v1", "3") + " /kv/frontier");
  }

  @Test
  @DisplayName("R-BG-3 R-LIFE-5 on stopVersion every crawler thread sees isShuttingDown and ends by itself, within the grace")
  void threadsEndOnShutdown(ResidentHost host, ModulesService modules, VirtualClock clock) throws Exception {
    awaitServing(host, "crawler", 10);
    await("every crawler's background thread", () -> IntStream.range(0, 10)
        .allMatch(i -> host.stats("crawler", "v1", Integer.toString(i)).getBackgroundThreads() == 1));
    long before = clock.nanoTime();

    Future<Void> stopped = modules.stopVersionAsync("crawler", null);

    // The clock never moves in this test, so the grace never ends: the stop completes only if every
    // background thread ended by itself.
    stopped.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(clock.nanoTime()).isEqualTo(before);
    for (int i = 0; i < 10; i++) {
      assertThat(demo.events("crawler/" + i + " ")).singleElement().asString()
          .matches("crawler/" + i + " stopped after \\d+ fetches: the instance is shutting down");
    }
  }
}
