package dev.resident.examples.ear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.testing.ResidentClient;
import dev.resident.testing.ResidentSetup;
import dev.resident.testing.ResidentTest;
import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 002's EAR, as Maven assembles it in {@code target/my-application}, on a real host (R-WAR-1). */
@ResidentTest(virtualTime = false)
class EarTest {

  @ResidentSetup
  static void ear(ResidentHost.Builder host) {
    host.config(Path.of(System.getProperty("ear.directory", "target/my-application")));
  }

  @Test
  @DisplayName("R-WAR-1 the EAR runs: application my-application, default/uno and my-module/uno with five manual instances")
  void runs(ResidentHost host) {
    assertThat(host.config().applicationId()).isEqualTo("my-application");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (workers(host).stream().anyMatch(i -> i.state() == InstanceState.STARTING)
        && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    List<InstanceInfo> worker = workers(host);
    assertThat(worker).hasSize(5).allSatisfy(i -> {
      assertThat(i.version()).isEqualTo("uno");
      assertThat(i.state()).isEqualTo(InstanceState.SERVING);
    });
  }

  private static List<InstanceInfo> workers(ResidentHost host) {
    return host.instances().stream().filter(i -> i.module().equals("my-module")).toList();
  }

  @Test
  @DisplayName("R-WAR-2 the default module's index.html is its welcome file, served as a static file")
  void welcome(ResidentClient client) {
    assertThat(client.get("/").body()).contains("<h1>SuperFun</h1>");
    assertThat(client.get("/").headers().firstValue("Cache-Control")).contains("public, max-age=600");
  }

  @Test
  @DisplayName("R-WAR-3 web.xml servlets: /modules lists every module and my-module's five instances")
  void modules(ResidentClient client) {
    String body = client.get("/modules").body();
    assertThat(body).startsWith("served by default/uno");
    assertThat(body).contains("my-module uno").contains("  instance 4 ");
  }

  @Test
  @DisplayName("R-WAR-1 a module asks another: /ask/3 fetches my-module instance 3's status, started by /_ah/start")
  void ask(ResidentClient client) {
    assertThat(client.get("/ask/3").body())
        .isEqualTo("my-module instance 3 says: my-module/uno/3 started=true saved=0");
  }

  @Test
  @DisplayName("R-LIFE-2 seed 002's work loop saves its state after each unit, per instance")
  void work(ResidentClient client) {
    ResidentClient.Target two = client.instance("my-module", "uno", "2");
    assertThat(two.get("/work?units=5").body()).isEqualTo("did 5 units");
    assertThat(two.get("/status").body()).isEqualTo("my-module/uno/2 started=true saved=5");
    assertThat(client.instance("my-module", "uno", "1").get("/status").body()).endsWith("saved=0");
  }
}
