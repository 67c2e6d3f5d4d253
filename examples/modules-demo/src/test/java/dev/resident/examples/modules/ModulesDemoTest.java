package dev.resident.examples.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.testing.ResidentTest;
import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ResidentTest(config = {"app.yaml", "mobile-frontend.yaml", "my-module.yaml", "dispatch.yaml"})
class ModulesDemoTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @Test
  @DisplayName("R-CFG-4 dispatch.yaml sends */mobile/* on the main port to mobile-frontend")
  void mobileGoesToMobileFrontend(ResidentClient client) {
    assertThat(client.get("/mobile/news").body()).startsWith("mobile-frontend/uno/").endsWith(" served /mobile/news\n");
    assertThat(client.get("/mobile/").body()).startsWith("mobile-frontend/uno/");
  }

  @Test
  @DisplayName("R-CFG-4 R-HOST-3 the default module serves every other path on the main port, /mobile without its slash too")
  void defaultServesTheRest(ResidentClient client) {
    assertThat(client.get("/news").body()).startsWith("default/uno/").endsWith(" served /news\n");
    assertThat(client.get("/mobile").body()).startsWith("default/uno/");
    assertThat(client.get("/mobilefirst/").body()).startsWith("default/uno/");
    assertThat(client.get("/").body()).contains("  mobile-frontend  http://localhost:")
        .contains("  my-module        http://localhost:");
  }

  @Test
  @DisplayName("R-MOD-3 R-LIFE-1 R-API-3 my-module has one resident instance, started eagerly, answering at its instance hostname from the memory its start filled")
  void myModuleHasOneInstance(ResidentHost host, ModulesService modules) throws Exception {
    assertThat(modules.getNumInstances("my-module", null)).isEqualTo(1);
    assertThatThrownBy(() -> modules.getInstanceHostname("my-module", null, "1")).isInstanceOf(ModulesException.class);
    await("my-module/0 to serve without a request",
        () -> host.instanceState("my-module", "uno", "0") == InstanceState.SERVING);

    String hostname = modules.getInstanceHostname("my-module", null, "0");
    assertThat(hostname).isEqualTo("localhost:" + host.instancePort("my-module", "uno", "0"));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest lookup = HttpRequest.newBuilder(URI.create("http://" + hostname + "/primes/97")).timeout(BOUND).build();
    assertThat(http.send(lookup, HttpResponse.BodyHandlers.ofString()).body())
        .isEqualTo("97 is prime (my-module/uno/0, lookup 1)\n");
    assertThat(http.send(lookup, HttpResponse.BodyHandlers.ofString()).body())
        .as("the same instance, its memory kept").isEqualTo("97 is prime (my-module/uno/0, lookup 2)\n");
  }

  @Test
  @DisplayName("R-LIFE-7 R-MOD-3 mobile-frontend keeps its 2 idle instances; the default module's idle instance is shut down after 15 virtual minutes")
  void mobileFrontendKeepsTwoIdleInstances(ResidentHost host, ResidentClient client, VirtualClock clock) {
    await("mobile-frontend's 2 instances", () -> serving(host, "mobile-frontend").size() == 2);
    assertThat(serving(host, "default")).as("automatic, min_idle_instances 0: none before a request").isEmpty();
    client.get("/news");
    List<InstanceInfo> mobile = serving(host, "mobile-frontend");
    assertThat(serving(host, "default")).hasSize(1);
    String started = serving(host, "default").get(0).instance();
    // The client has its answer a moment before the request has left its instance; idle starts then.
    await("the request to leave the instance", () -> host.stats("default", "uno", started).getRequestsActive() == 0);

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    await("the default module's idle instance to stop", () -> serving(host, "default").isEmpty()
        && host.instances().stream().noneMatch(i -> i.module().equals("default") && i.state() == InstanceState.STOPPING));
    assertThat(serving(host, "mobile-frontend")).as("the same 2 instances, kept").isEqualTo(mobile);
  }

  private static List<InstanceInfo> serving(ResidentHost host, String module) {
    return host.instances().stream()
        .filter(instance -> instance.module().equals(module) && instance.state() == InstanceState.SERVING)
        .toList();
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Waited " + BOUND + " for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
