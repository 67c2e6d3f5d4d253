package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.awaitServing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IndexTest extends DemoHostTest {

  @Test
  @DisplayName("R-API-3 R-CFG-3 R-HOST-3 the default module's index lists every backend instance at the address ModulesService gives, and it answers there")
  void listsEveryInstance(ResidentHost host, ResidentClient client) {
    String index = client.get("/").body();

    assertThat(index.lines()).hasSize(1 + 1 + 5 + 10 + 1 + 1);
    assertThat(index).contains("default  v1       -         http://localhost:" + host.versionPort("default", "v1") + "/");
    for (int i = 0; i < 5; i++) {
      assertThat(index).contains("memdb    v1       " + i + "         http://localhost:"
          + host.instancePort("memdb", "v1", Integer.toString(i)) + "/");
    }
    assertThat(index).contains("cmdline  v1       0         http://localhost:" + host.instancePort("cmdline", "v1", "0") + "/");
    awaitServing(host, "worker", 1);
    String workerLine = index.lines().filter(line -> line.startsWith("worker ")).findFirst().orElseThrow();
    assertThat(client.instance("worker", "v1", "0").uri("/").toString().replace("127.0.0.1", "localhost"))
        .isEqualTo(workerLine.substring(workerLine.indexOf("http://")));
  }
}
