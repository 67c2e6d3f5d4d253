package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.awaitServing;
import static dev.resident.examples.backends.DemoFixture.delete;
import static dev.resident.examples.backends.DemoFixture.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemdbTest extends DemoHostTest {

  @Test
  @DisplayName("R-LIFE-5 R-API-4 memdb keeps its keys across stopVersion and startVersion: its hook checkpoints, its /_ah/start reloads")
  void keepsKeysAcrossARestart(ResidentHost host, ResidentClient client, ModulesService modules) {
    awaitServing(host, "memdb", 5);
    ResidentClient.Target memdb2 = client.internal().instance("memdb", "v1", "2");
    assertThat(put(memdb2, "/kv/frontier", "https://example.com/").statusCode()).isEqualTo(200);
    assertThat(memdb2.post("/kv/depth", "3").statusCode()).as("POST stores too").isEqualTo(200);
    assertThat(put(memdb2, "/kv/scratch", "x").statusCode()).isEqualTo(200);
    assertThat(delete(memdb2, "/kv/scratch").statusCode()).isEqualTo(200);
    assertThat(demo.checkpoint("2")).as("no checkpoint before the shutdown").doesNotExist();

    modules.stopVersion("memdb", null);

    assertThat(host.instanceState("memdb", "v1", "2")).isEqualTo(InstanceState.STOPPED);
    assertThat(demo.checkpoint("2")).as("the hook's checkpoint").exists()
        .content().contains("frontier=https\\://example.com/", "depth=3").doesNotContain("scratch");
    assertThat(demo.events("memdb/2 ")).contains("memdb/2 checkpointed 2 keys to " + demo.checkpoint("2"));

    modules.startVersion("memdb", null);

    assertThat(memdb2.get("/kv/frontier").body()).isEqualTo("https://example.com/");
    assertThat(memdb2.get("/kv/depth").body()).isEqualTo("3");
    assertThat(memdb2.get("/kv/scratch").statusCode()).isEqualTo(404);
    assertThat(client.internal().instance("memdb", "v1", "0").get("/kv/frontier").statusCode())
        .as("each instance has its own keys").isEqualTo(404);
    assertThat(demo.events("memdb/2 ")).contains("memdb/2 started with 2 keys from " + demo.checkpoint("2"));
  }

  @Test
  @DisplayName("R-LIFE-4 R-API-4 scaling memdb down checkpoints only the instances it removes; scaling up again reloads them")
  void scalingDownAndUp(ResidentHost host, ResidentClient client, ModulesService modules) {
    awaitServing(host, "memdb", 5);
    put(client.internal().instance("memdb", "v1", "0"), "/kv/kept", "in memory");
    put(client.internal().instance("memdb", "v1", "4"), "/kv/frontier", "https://example.org/");

    modules.setNumInstances("memdb", null, 4);

    assertThat(modules.getNumInstances("memdb", null)).isEqualTo(4);
    assertThat(demo.checkpoint("4")).as("the removed instance's checkpoint").exists()
        .content().contains("frontier=https\\://example.org/");
    assertThat(demo.checkpoint("0")).as("instance 0 still runs").doesNotExist();

    modules.setNumInstances("memdb", null, 5);

    assertThat(client.internal().instance("memdb", "v1", "4").get("/kv/frontier").body()).isEqualTo("https://example.org/");
    assertThat(client.internal().instance("memdb", "v1", "0").get("/kv/kept").body()).isEqualTo("in memory");
  }
}
