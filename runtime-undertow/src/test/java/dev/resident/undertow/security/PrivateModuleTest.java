package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.host.Await;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-2 a private module accepts internal requests only, on every port of its own")
class PrivateModuleTest {

  static final String APP = """
      application: sec
      version: v1
      handlers:
      - url: /*
        servlet: dev.resident.undertow.security.Who
      """;
  static final String BACKENDS = """
      backends:
      - name: worker
        instances: 1
      - name: open
        options: public
      """;
  static final String DISPATCH = """
      dispatch:
      - url: "*/work/*"
        module: worker
      """;

  private final Client client = new Client();

  @BeforeEach
  void reset() {
    Who.CALLS.set(0);
  }

  static ResidentHost.Builder builder() {
    return ResidentHost.builder().port(0).stopOnJvmShutdown(false).clock(new VirtualClock())
        .config("app.yaml", APP).config("backends.yaml", BACKENDS).config("dispatch.yaml", DISPATCH);
  }

  @Test
  @DisplayName("external requests to a private backend get 403 on its version port, its instance port and through the main port's routing, and never reach user code")
  void externalRefused() {
    try (ResidentHost host = builder().build()) {
      host.start();
      awaitServing(host);
      Await.until("the start request counted", () -> host.stats("worker", null, "0").getRequestsTotal() == 1);
      // Every instance's start request runs the servlet too, and CALLS is shared: wait for the other
      // backend's as well before counting.
      Await.until("open/0 serves", () -> host.instanceState("open", null, "0") == InstanceState.SERVING);
      Await.until("open/0's start request counted", () -> host.stats("open", null, "0").getRequestsTotal() == 1);
      int calls = Who.CALLS.get();
      for (int port : new int[] {host.versionPort("worker", null), host.instancePort("worker", null, "0")}) {
        HttpResponse<String> refused = client.get(port, "/x");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("private module: internal requests only\n");
        assertThat(refused.headers().firstValue(Refusal.HEADER.toString())).hasValue("private module: internal requests only");
        assertThat(client.send("POST", java.net.URI.create("http://127.0.0.1:" + port + "/x")).statusCode()).isEqualTo(403);
      }
      assertThat(client.get(host.port(), "/work/x").statusCode()).as("dispatched to worker").isEqualTo(403);
      assertThat(Who.CALLS.get()).isEqualTo(calls);
      assertThat(host.stats("worker", null, "0").getRequestsTotal()).as("no slot taken: the start request only").isEqualTo(1);

      assertThat(client.get(host.instancePort("worker", null, "0"), "/_ah/health/ready").statusCode())
          .as("the host's own endpoints are not the module's: they pass to whatever answers them").isEqualTo(200);
      assertThat(client.get(host.port(), "/x").statusCode()).as("the default module is public").isEqualTo(200);
      assertThat(client.get(host.versionPort("open", null), "/x").statusCode()).as("options: public").isEqualTo(200);
    }
  }

  @Test
  @DisplayName("signed requests reach a private backend on every port, and its own code may call it with InternalRequests")
  void internalAccepted() {
    try (ResidentHost host = builder().build()) {
      host.start();
      awaitServing(host);
      HttpResponse<String> viaVersion = client.signed(host, "GET", host.versionPort("worker", null), "/x");
      assertThat(viaVersion.statusCode()).isEqualTo(200);
      assertThat(viaVersion.body()).startsWith("GET /x user=- admin=false").endsWith("seen=[]");
      assertThat(client.signed(host, "POST", host.instancePort("worker", null, "0"), "/y").body()).startsWith("POST /y");
      assertThat(client.signed(host, "GET", host.port(), "/work/z").body()).startsWith("GET /work/z");
      assertThat(dev.resident.api.InternalRequests.sign("GET", java.net.URI.create("http://127.0.0.1:1/")))
          .as("the one host of this JVM signs for a thread of no instance").startsWith("v1.");
    }
  }

  static void awaitServing(ResidentHost host) {
    Await.until("worker/0 serves", () -> host.instanceState("worker", null, "0") == InstanceState.SERVING);
  }
}
