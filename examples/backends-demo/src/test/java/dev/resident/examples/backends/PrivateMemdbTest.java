package dev.resident.examples.backends;

import static dev.resident.examples.backends.DemoFixture.awaitServing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrivateMemdbTest extends DemoHostTest {

  @Test
  @DisplayName("R-SEC-2 R-SEC-3 memdb is private: curl gets 403, the default module reaches it with InternalRequests")
  void memdbThroughTheDefaultModule(ResidentHost host, ResidentClient client) {
    awaitServing(host, "memdb", 5);
    HttpResponse<String> direct = client.instance("memdb", "v1", "1").get("/kv/frontier");
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(direct.body()).isEqualTo("private module: internal requests only\n");
    assertThat(client.instance("memdb", "v1", "1").post("/kv/frontier", "x").statusCode()).isEqualTo(403);

    assertThat(client.module("default").post("/memdb/1/kv/frontier", "https://example.com/").body()).isEqualTo("stored frontier on memdb/1\n");
    assertThat(client.get("/memdb/1/kv/frontier").body()).isEqualTo("https://example.com/");
    assertThat(client.internal().instance("memdb", "v1", "1").get("/kv/frontier").body()).isEqualTo("https://example.com/");
    assertThat(client.get("/memdb/2/kv/frontier").statusCode()).as("instance 2 has its own keys").isEqualTo(404);
    assertThat(client.get("/memdb/9/kv/frontier").statusCode()).isEqualTo(404);
    assertThat(client.instance("worker", "v1", "0").uri("/").getPort()).isPositive();
  }

  @Test
  @DisplayName("R-SEC-1 the admin handler answers the admin token and signed requests only")
  void adminHandler(ResidentHost host, ResidentClient client) {
    HttpResponse<String> anonymous = client.get("/admin/");
    assertThat(anonymous.statusCode()).as("no login URL configured: 401").isEqualTo(401);
    assertThat(client.get("/admin/", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> admin = client.get("/admin/", "Authorization", "Bearer demo-admin-token");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).startsWith("admin view of 5 modules").contains("memdb 5 instances", "cmdline instances on demand");
    assertThat(client.internal().get("/admin/").statusCode()).isEqualTo(200);
    assertThat(client.module("default").post("/admin/instances?module=memdb&count=4", "", "Authorization", "Bearer demo-admin-token").body())
        .isEqualTo("memdb now has 4 instances\n");
    assertThat(client.module("default").post("/admin/instances?module=memdb&count=3", "").statusCode()).isEqualTo(401);
  }
}
