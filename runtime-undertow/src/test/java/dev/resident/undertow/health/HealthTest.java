package dev.resident.undertow.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-OPS-4 health probes")
class HealthTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static volatile CountDownLatch gate;

  /** Holds every request until the gate opens (bounded); answers {@code user} otherwise. */
  public static final class GateServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getRequestURI().equals("/hold")) {
        try {
          gate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      resp.getWriter().print("user");
    }
  }

  private ResidentHost host;

  @BeforeEach
  void start() {
    gate = new CountDownLatch(1);
    host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 1).threadsafe(false).failfast()
            .shutdownGrace(Duration.ofSeconds(10)).build())
        .version(VersionBuilder.basic("batch", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", GateServlet.class))
        .handlers("worker", h -> h.servlet("/*", GateServlet.class))
        .handlers("batch", h -> h.servlet("/*", GateServlet.class))
        .build();
    host.start();
    until("worker/v1/0 serves", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING);
  }

  @AfterEach
  void stop() {
    gate.countDown();
    host.stop();
  }

  @Test
  @DisplayName("main port: live, and ready while the default version can serve (automatic: started)")
  void mainPort() {
    HttpResponse<String> live = get(host.port(), "/_ah/health/live");
    HttpResponse<String> ready = get(host.port(), "/_ah/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(live).get("status").asText()).isEqualTo("live");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("target").asText()).isEqualTo("main port: version default/v1");
  }

  @Test
  @DisplayName("instance port: ready when its instance serves; a full instance still answers its probe")
  void fullInstanceAnswers() {
    int port = host.instancePort("worker", "v1", "0");
    CompletableFuture<HttpResponse<String>> held = getAsync(port, "/hold");
    until("the held request runs", () -> host.stats("worker", "v1", "0").getRequestsActive() == 1);

    HttpResponse<String> refused = get(port, "/other");
    HttpResponse<String> ready = get(port, "/_ah/health/ready");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("target").asText()).isEqualTo("instance worker/v1/0");
    gate.countDown();
    assertThat(held.join().body()).isEqualTo("user");
  }

  @Test
  @DisplayName("version and instance ports of an idle basic version are not ready; a stopped version is not")
  void notReady() {
    assertThat(get(host.versionPort("batch", "v1"), "/_ah/health/ready").statusCode()).isEqualTo(503);
    assertThat(get(host.instancePort("batch", "v1", "0"), "/_ah/health/ready").statusCode()).isEqualTo(503);
    assertThat(get(host.instancePort("batch", "v1", "0"), "/_ah/health/live").statusCode()).isEqualTo(200);
    assertThat(get(host.versionPort("worker", "v1"), "/_ah/health/ready").statusCode()).isEqualTo(200);

    host.modulesService().stopVersion("worker", "v1");

    HttpResponse<String> stopped = get(host.versionPort("worker", "v1"), "/_ah/health/ready");
    assertThat(stopped.statusCode()).isEqualTo(503);
    assertThat(json(stopped).get("status").asText()).isEqualTo("not ready");
    assertThat(json(stopped).get("target").asText()).isEqualTo("version worker/v1");
  }

  @Test
  @DisplayName("probes never reach user code; other methods 405; unknown probes 404")
  void hostAnswers() {
    int port = host.versionPort("worker", "v1");
    HttpResponse<String> post = send(HttpRequest.newBuilder(uri(port, "/_ah/health/live"))
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(get(port, "/_ah/health/live").body()).contains("\"status\":\"live\"");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(get(port, "/_ah/health/other").statusCode()).isEqualTo(404);
    assertThat(get(port, "/_ah/healthy").statusCode()).as("/_ah/ paths are the host's, never user code").isEqualTo(404);
  }

  @Test
  @DisplayName("live answers 503 once the host stops, while instances still drain")
  void liveEndsWithTheHost() {
    int port = host.instancePort("worker", "v1", "0");
    CompletableFuture<HttpResponse<String>> held = getAsync(port, "/hold");
    until("the held request runs", () -> host.stats("worker", "v1", "0").getRequestsActive() == 1);
    int main = host.port();
    assertThat(get(main, "/_ah/health/live").statusCode()).isEqualTo(200);
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(host::stop);
    until("live answers 503", () -> get(main, "/_ah/health/live").statusCode() == 503);

    HttpResponse<String> live = get(main, "/_ah/health/live");

    assertThat(json(live).get("status").asText()).isEqualTo("stopping");
    assertThat(held).as("the held request still runs: the host drains").isNotDone();
    assertThat(stopping).isNotDone();
    gate.countDown();
    held.join();
    stopping.join();
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> get(int port, String path) {
    return send(HttpRequest.newBuilder(uri(port, path)));
  }

  private static CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      LockSupport.parkNanos(5_000_000);
    }
  }
}
