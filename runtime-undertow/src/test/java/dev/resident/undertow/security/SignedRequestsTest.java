package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.InternalRequests;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-3 signed internal requests on a host: bad signatures get 401 and never reach user code")
class SignedRequestsTest {

  private static final String H = InternalRequests.HEADER_NAME;
  private final VirtualClock clock = new VirtualClock();
  private final Client client = new Client();
  private ResidentHost host;
  private int port;

  @BeforeEach
  void start() {
    host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).clock(clock)
        .config("app.yaml", "version: v1\nhandlers:\n- url: /*\n  servlet: dev.resident.undertow.security.Who\n").build();
    host.start();
    port = host.port();
    assertThat(client.get(port, "/warm-up").statusCode()).isEqualTo(200);
    Who.CALLS.set(0);
  }

  @AfterEach
  void stop() {
    host.stop();
  }

  private String sign(String method, String path) {
    return host.signInternalRequest(method, URI.create("http://127.0.0.1:" + port + path));
  }

  private void refused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(reason).isEqualTo(401);
    assertThat(response.body()).isEqualTo(reason + "\n");
  }

  @Test
  @DisplayName("a valid signature passes once, its header stripped before user code; X-AppEngine-* headers pass with it only")
  void valid() {
    String signature = sign("GET", "/x?a=1");
    HttpResponse<String> first = client.get(port, "/x?a=1", H, signature, "X-AppEngine-TaskName", "t1");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).endsWith("seen=[x-appengine-taskname]");
    refused(client.get(port, "/x?a=1", H, signature), "signature already used");
    assertThat(client.get(port, "/x", "X-AppEngine-TaskName", "t1", "X-AppEngine-Cron", "true").body())
        .as("external: stripped").endsWith("seen=[]");
    assertThat(client.get(port, "/x", "x-resident-signature", sign("GET", "/x")).body())
        .as("header names have no case").endsWith("seen=[]");
    assertThat(Who.CALLS.get()).isEqualTo(3);
  }

  @Test
  @DisplayName("forged, truncated, expired, dated ahead and replayed signatures get 401")
  void badSignatures() {
    String good = sign("GET", "/x");
    refused(client.get(port, "/x", H, good.substring(0, good.length() - 3)), "malformed signature");
    refused(client.get(port, "/x", H, "v1.946684800.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        "signature does not match the request");
    refused(client.get(port, "/x", H, good.toUpperCase(java.util.Locale.ROOT)), "malformed signature");
    refused(client.get(port, "/x", H, ""), "malformed signature");
    String old = sign("GET", "/x");
    clock.advance(Duration.ofMinutes(5).plusSeconds(2));
    refused(client.get(port, "/x", H, old), "signature expired or dated ahead");
    String[] parts = sign("GET", "/x").split("\\.");
    String ahead = parts[0] + "." + (Long.parseLong(parts[1]) + 600) + "." + parts[2] + "." + parts[3];
    refused(client.get(port, "/x", H, ahead), "signature expired or dated ahead");
    assertThat(Who.CALLS.get()).isZero();
  }

  @Test
  @DisplayName("a signature for another method, host, path or query gets 401")
  void otherRequest() {
    refused(client.send("POST", URI.create("http://127.0.0.1:" + port + "/x"), H, sign("GET", "/x")),
        "signature does not match the request");
    refused(client.get(port, "/y", H, sign("GET", "/x")), "signature does not match the request");
    refused(client.get(port, "/x?a=2", H, sign("GET", "/x?a=1")), "signature does not match the request");
    refused(client.get(port, "/x", H, sign("GET", "/x?a=1")), "signature does not match the request");
    String otherHost = host.signInternalRequest("GET", URI.create("http://127.0.0.1:" + (port + 1) + "/x"));
    refused(client.get(port, "/x", H, otherHost), "signature does not match the request");
    String raw = Raw.get(port, "localhost:" + port, "/x", H + ": " + sign("GET", "/x"));
    assertThat(Raw.status(raw)).as("signed for 127.0.0.1, sent to localhost").isEqualTo(401);
    assertThat(Who.CALLS.get()).isZero();
  }

  @Test
  @DisplayName("two signature headers, in the same or another case, get 401")
  void duplicated() {
    String good = sign("GET", "/x");
    String twice = Raw.get(port, "127.0.0.1:" + port, "/x", H + ": " + good, H + ": " + good);
    assertThat(Raw.status(twice)).isEqualTo(401);
    assertThat(twice).endsWith("more than one signature header\n");
    String cased = Raw.get(port, "127.0.0.1:" + port, "/x", H + ": " + sign("GET", "/x"),
        "x-RESIDENT-signature: " + sign("GET", "/x"));
    assertThat(Raw.status(cased)).isEqualTo(401);
    String single = Raw.get(port, "127.0.0.1:" + port, "/x", "X-RESIDENT-SIGNATURE: " + sign("GET", "/x"));
    assertThat(Raw.status(single)).as("one header, any case").isEqualTo(200);
    assertThat(Who.CALLS.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("external requests for /_ah/ paths get 404 in every spelling; signed ones reach the application")
  void ahPaths() {
    for (String path : new String[] {"/_ah/start", "/_ah/stop", "/_ah/background", "/_ah/warmup", "/_ah/queue/deferred",
        "/_AH/start", "/x/../_ah/start", "//_ah/start", "/_ah", "/%5Fah/start"}) {
      assertThat(Raw.status(Raw.get(port, "127.0.0.1:" + port, path))).as(path).isEqualTo(404);
    }
    assertThat(Who.CALLS.get()).isZero();
    assertThat(client.get(port, "/_ah/queue/deferred", H, sign("GET", "/_ah/queue/deferred")).statusCode()).isEqualTo(200);
    assertThat(client.get(port, "/_ahx").statusCode()).as("not under /_ah/").isEqualTo(200);
  }
}
