package dev.resident.undertow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.accesslog.AccessRecord;
import dev.resident.undertow.instance.InstanceState;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-OPS-3 access log")
class AccessLogTest {

  @Test
  @DisplayName("a line has the request id, module/version/instance, method, path, status, bytes, times, rejection")
  void line() {
    AccessRecord record = new AccessRecord(7, Instant.EPOCH, "abc123", "worker", "v1", "0", "GET", "/hello", 503,
        0, 12.345, 12.4, "failfast");

    assertThat(record.line()).isEqualTo("abc123 worker/v1/0 \"GET /hello\" 503 0B pending=12.3ms total=12.4ms"
        + " rejected=failfast");
  }

  @Test
  @DisplayName("a rejected request is logged with its reason and the instance that turned it away")
  void rejection() {
    try (ResidentHost host = Fixture.builder().build()) {
      host.start();
      Fixture.awaitWorkers(host, 2);
      ResidentHost started = host;
      int port = host.instancePort("worker", "v1", "0");
      CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/hold"))
              .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      Api.until("the held request runs", () -> started.stats("worker", "v1", "0").getRequestsActive() == 1);

      // Ten slots: fill them, then one more with failfast is turned away at once.
      for (int i = 0; i < 9; i++) {
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
            + "/hold")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      }
      Api.until("ten requests run", () -> started.stats("worker", "v1", "0").getRequestsActive() == 10);
      Api.Answer refused = Api.get(port, "/hello", "X-AppEngine-FailFast", "true");
      assertThat(refused.status()).isEqualTo(503);
      Api.until("the rejection is logged", () -> newest(host.port(), "?instance=0&limit=1").has("rejection"));

      JsonNode newest = newest(host.port(), "?instance=0&limit=1");
      assertThat(newest.get("status").asInt()).isEqualTo(503);
      assertThat(newest.get("rejection").asText()).isEqualTo("failfast");
      assertThat(newest.get("module").asText() + "/" + newest.get("version").asText()).isEqualTo("worker/v1");
      assertThat(newest.get("pendingMillis").asDouble()).isEqualTo(newest.get("totalMillis").asDouble());
      Fixture.release();
      assertThat(held.join().statusCode()).isEqualTo(200);
      assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.SERVING);
    }
  }

  @Test
  @DisplayName("a request sent to a version and turned away names the instance that had it")
  void rejectionOnAVersionPort() {
    Fixture.armHold();
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.manual("default", "v1", 1).threadsafe(false).build())
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build()) {
      host.start();
      Api.until("default/v1/0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + host.port() + "/hold"))
              .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      Api.until("the held request runs", () -> host.stats("default", "v1", "0").getRequestsActive() == 1);

      assertThat(Api.get(host.versionPort("default", "v1"), "/hello", "X-AppEngine-FailFast", "1").status())
          .isEqualTo(503);

      Api.until("the rejection is logged", () -> newest(host.port(), "?limit=1").has("rejection"));
      JsonNode newest = newest(host.port(), "?limit=1");
      assertThat(newest.get("instance").asText()).isEqualTo("0");
      assertThat(newest.get("rejection").asText()).isEqualTo("failfast");
      Fixture.release();
      held.join();
    }
  }

  @Test
  @DisplayName("a request whose client left while it waited is logged once, all its time pending")
  void clientLeftWhileWaiting() throws Exception {
    Fixture.armHold();
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.manual("default", "v1", 1).threadsafe(false).build())
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build()) {
      host.start();
      Api.until("default/v1/0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + host.port() + "/hold"))
              .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      Api.until("the held request runs", () -> host.stats("default", "v1", "0").getRequestsActive() == 1);
      try (java.net.Socket client = new java.net.Socket("127.0.0.1", host.port())) {
        client.getOutputStream().write("GET /left HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        Api.until("the request waits", () -> host.stats("default", "v1", "0").getRequestsPending() == 1);
      }

      Api.until("the left request is logged", () -> "/left".equals(newest(host.port(), "?limit=1").path("path")
          .asText()));
      JsonNode left = newest(host.port(), "?limit=1");
      assertThat(left.get("pendingMillis").asDouble()).isEqualTo(left.get("totalMillis").asDouble());
      Fixture.release();
      assertThat(held.join().statusCode()).isEqualTo(200);
      Api.until("the held request is logged", () -> "/hold".equals(newest(host.port(), "?limit=1").path("path")
          .asText()));
      JsonNode all = Api.get(host.port(), "/_ah/admin/api/requests?limit=10").json();
      assertThat(all.toString().split("\"/left\"", -1)).hasSize(2);
      assertThat(host.stats("default", "v1", "0").getRequestsPending()).isZero();
    }
  }

  @Test
  @DisplayName("turned off, the host keeps no requests and says so")
  void off() {
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).accessLog(false)
        .version(VersionBuilder.automatic("default", "v1").build())
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build()) {
      host.start();
      Api.get(host.port(), "/hello");

      Api.Answer answer = Api.get(host.port(), "/_ah/admin/api/requests");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json().get("message").asText()).contains("The access log is off");
    }
  }

  @Test
  @DisplayName("with a file, every request's line is appended to it after its time, and stop writes the rest")
  void toFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("access.log");
    java.nio.file.Files.writeString(file, "an earlier line\n");
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).accessLogFile(file)
        .version(VersionBuilder.automatic("default", "v1").build())
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build()) {
      host.start();
      for (int i = 0; i < 3; i++) {
        assertThat(Api.get(host.port(), "/hello/" + i).status()).isEqualTo(200);
      }
      Api.until("three lines reach the file within the gather time", () -> lines(file).stream()
          .filter(line -> line.contains("\"GET /hello/")).count() == 3);
      Api.get(host.port(), "/hello/last");
      host.stop();
    }
    java.util.List<String> lines = lines(file);
    assertThat(lines.get(0)).as("appended, not replaced").isEqualTo("an earlier line");
    assertThat(lines.stream().filter(line -> line.contains("\"GET /hello/")))
        .hasSize(4)
        .allSatisfy(line -> assertThat(line).matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\S+ default/v1/\\S+ \"GET /hello/\\w+\" 200 \\d+B"
                + " pending=\\d+\\.\\dms total=\\d+\\.\\dms"));
    assertThat(lines.get(lines.size() - 1)).as("the last request's line, written at stop").contains("/hello/last");
  }

  @Test
  @DisplayName("a file that cannot be opened fails the host's start, naming the file")
  void unopenableFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path file = dir.resolve("no-such-dir").resolve("access.log");
    ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).accessLogFile(file)
        .version(VersionBuilder.automatic("default", "v1").build())
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build();

    org.assertj.core.api.Assertions.assertThatThrownBy(host::start)
        .hasStackTraceContaining("Cannot open the access log file " + file);
  }

  private static java.util.List<String> lines(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readAllLines(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The newest recent request that matches the query, or an empty node. */
  private static JsonNode newest(int port, String query) {
    JsonNode requests = Api.get(port, "/_ah/admin/api/requests" + query).json().get("requests");
    return requests.isEmpty() ? Api.JSON.createObjectNode() : requests.get(0);
  }
}
