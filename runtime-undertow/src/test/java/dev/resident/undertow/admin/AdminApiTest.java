package dev.resident.undertow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.VersionState;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-OPS-1 admin API")
class AdminApiTest {

  private static final String API = "/_ah/admin/api/";
  private ResidentHost host;
  private int port;

  @BeforeEach
  void start() {
    host = Fixture.builder().build();
    host.start();
    port = host.port();
    Fixture.awaitWorkers(host, 2);
  }

  @AfterEach
  void stop() {
    Fixture.release();
    host.stop();
  }

  @Test
  @DisplayName("GET modules lists every module, version and instance as ModulesService and the host see them")
  void modules() {
    Api.get(host.versionPort("batch", "v1"), "/hello");
    // A request is counted as its exchange completes, just after its client has the response.
    Api.until("batch/v1/0 counts its start request and /hello",
        () -> host.stats("batch", "v1", "0").getRequestsTotal() == 2);
    Api.Answer answer = Api.get(port, API + "modules");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode root = answer.json();
    ModulesService modules = host.modulesService();
    List<String> names = new ArrayList<>();
    root.get("modules").forEach(m -> names.add(m.get("name").asText()));
    assertThat(names).containsExactlyElementsOf(modules.getModules());
    JsonNode worker = version(root, "worker", "v1");
    assertThat(worker.get("scaling").asText()).isEqualTo("manual");
    assertThat(worker.get("state").asText()).isEqualTo("STARTED");
    assertThat(worker.get("numInstances").asInt()).isEqualTo(modules.getNumInstances("worker", "v1"));
    assertThat(worker.get("instances")).hasSize(2);
    JsonNode zero = worker.get("instances").get(0);
    assertThat(zero.get("id").asText()).isEqualTo("0");
    assertThat(zero.get("state").asText()).isEqualTo("SERVING");
    assertThat(zero.get("port").asInt()).isEqualTo(host.instancePort("worker", "v1", "0"));
    assertThat(zero.get("memoryLimitBytes").asLong()).isEqualTo(256L * 1024 * 1024);
    assertThat(zero.get("lastStart").get("result").asText()).isEqualTo("serving");
    assertThat(zero.has("latencyP99Millis") && zero.has("cpuMillis") && zero.has("backgroundThreads")).isTrue();
    JsonNode batch = version(root, "batch", "v1");
    assertThat(batch.get("instances").get(0).get("state").asText()).isEqualTo("SERVING");
    // Its start request and /hello.
    assertThat(batch.get("instances").get(0).get("requestsTotal").asLong()).isEqualTo(2);
    assertThat(batch.get("instances").get(1).get("state").asText()).isEqualTo("STOPPED");
    assertThat(batch.get("instances").get(1).has("uptimeMillis")).isFalse();
    assertThat(version(root, "default", "v1").get("default").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("stop and start a version: 200 or 202 with a Location to poll; the states follow")
  void stopAndStart() {
    JsonNode stopped = Api.finish(port, Api.change(port, "POST", API + "modules/worker/versions/v1/stop"));

    assertThat(stopped.get("state").asText()).isEqualTo("done");
    assertThat(stopped.get("action").asText()).isEqualTo("stop worker/v1");
    assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    assertThat(version(Api.get(port, API + "modules").json(), "worker", "v1").get("state").asText())
        .isEqualTo(VersionState.STOPPED.name());

    Api.finish(port, Api.change(port, "POST", API + "modules/worker/versions/v1/start"));
    Fixture.awaitWorkers(host, 2);
  }

  @Test
  @DisplayName("a stop that waits for a request in flight answers 202 at once; the operation runs until it ends")
  void longStopAnswers202() {
    CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
            + host.instancePort("worker", "v1", "0") + "/hold")).build(), HttpResponse.BodyHandlers.ofString());
    Api.until("the held request runs", () -> host.stats("worker", "v1", "0").getRequestsActive() == 1);

    Api.Answer answer = Api.change(port, "POST", API + "modules/worker/versions/v1/stop");

    assertThat(answer.status()).isEqualTo(202);
    String location = answer.header("Location");
    assertThat(location).startsWith(API + "operations/");
    assertThat(answer.json().get("state").asText()).isEqualTo("running");
    assertThat(Api.get(port, location).json().get("state").asText()).isEqualTo("running");
    Fixture.release();
    assertThat(Api.finish(port, answer).get("state").asText()).isEqualTo("done");
    assertThat(held.join().statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("PUT instances?count=N sets a manual version's instances; bad counts are 400, other scaling 409")
  void setCount() {
    JsonNode done = Api.finish(port, Api.change(port, "PUT", API + "modules/worker/versions/v1/instances?count=3"));

    assertThat(done.get("state").asText()).isEqualTo("done");
    assertThat(host.modulesService().getNumInstances("worker", "v1")).isEqualTo(3);
    Fixture.awaitWorkers(host, 3);

    assertError(Api.change(port, "PUT", API + "modules/worker/versions/v1/instances?count=0"), 400,
        "count must be a number from 1 to 200");
    assertError(Api.change(port, "PUT", API + "modules/worker/versions/v1/instances"), 400, "?count=N");
    assertError(Api.change(port, "PUT", API + "modules/batch/versions/v1/instances?count=2"), 409,
        "setNumInstances needs manual scaling; batch/v1 uses basic scaling");
  }

  @Test
  @DisplayName("shut down one instance: a basic one stays stopped; unknown is 404, not running 409")
  void shutdownInstance() {
    Api.get(host.versionPort("batch", "v1"), "/hello");
    Api.until("batch/v1/0 serves", () -> host.instanceState("batch", "v1", "0") == InstanceState.SERVING);

    JsonNode done = Api.finish(port, Api.change(port, "POST", API + "modules/batch/versions/v1/instances/0/shutdown"));

    assertThat(done.get("state").asText()).isEqualTo("done");
    assertThat(host.instanceState("batch", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    assertError(Api.change(port, "POST", API + "modules/batch/versions/v1/instances/0/shutdown"), 409,
        "Instance batch/v1/0 is not running");
    assertError(Api.change(port, "POST", API + "modules/batch/versions/v1/instances/7/shutdown"), 404,
        "Unknown instance 7 of batch/v1; instances: 0 to 1");
  }

  @Test
  @DisplayName("a manual instance shut down by an admin starts again")
  void manualInstanceRestarts() {
    Api.finish(port, Api.change(port, "POST", API + "modules/worker/versions/v1/instances/1/shutdown"));

    Fixture.awaitWorkers(host, 2);
    JsonNode worker = version(Api.get(port, API + "modules").json(), "worker", "v1");
    assertThat(worker.get("starts").asLong()).isEqualTo(3);
  }

  @Test
  @DisplayName("errors are JSON with the ModulesException message: unknown module 404, scaling 409, method 405")
  void errors() {
    assertError(Api.change(port, "POST", API + "modules/nope/versions/v1/stop"), 404,
        "Unknown module nope; modules: [default, worker, batch]");
    assertError(Api.change(port, "POST", API + "modules/worker/versions/v9/stop"), 404,
        "Unknown module version worker/v9; versions of worker: [v1]");
    assertError(Api.change(port, "POST", API + "modules/default/versions/v1/stop"), 409,
        "stopVersion needs manual or basic scaling; default/v1 uses automatic scaling");
    Api.Answer wrongMethod = Api.get(port, API + "modules/worker/versions/v1/stop");
    assertError(wrongMethod, 405, "This call takes POST");
    assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
    assertError(Api.get(port, API + "nothing"), 404, "Unknown admin call GET /_ah/admin/api/nothing");
    assertError(Api.get(port, API + "operations/999"), 404, "Unknown operation 999");
    assertError(Api.get(port, API + "requests?limit=x"), 400, "limit must be a number");
  }

  @Test
  @DisplayName("state changes refuse simple requests: no JSON content type and no X-Resident-Admin header")
  void refusesSimpleRequests() {
    assertError(Api.call(port, "POST", API + "modules/worker/versions/v1/stop",
        "Content-Type", "application/x-www-form-urlencoded"), 403, "State changes need Content-Type: application/json");
    assertError(Api.call(port, "POST", API + "modules/worker/versions/v1/stop", "Content-Type", "text/plain"),
        403, "X-Resident-Admin");
    assertThat(host.modulesService().getNumInstances("worker", "v1")).isEqualTo(2);
    assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.SERVING);

    JsonNode done = Api.finish(port, Api.call(port, "POST", API + "modules/worker/versions/v1/stop",
        "Content-Type", "application/json"));
    assertThat(done.get("state").asText()).isEqualTo("done");
  }

  @Test
  @DisplayName("GET requests: the recent requests, newest first, filtered by module, version, instance, since, limit")
  void requests() {
    int instancePort = host.instancePort("worker", "v1", "1");
    for (int i = 0; i < 3; i++) {
      Api.get(instancePort, "/hello?i=" + i);
    }
    Api.get(port, "/hello");
    // A request is logged as its exchange completes, just after its client has the response.
    Api.until("the four requests are logged",
        () -> Api.get(port, API + "requests?module=worker&instance=1").json().get("requests").size() >= 3
            && Api.get(port, API + "requests?module=default").json().get("requests").size() == 1);

    JsonNode all = Api.get(port, API + "requests").json();
    JsonNode worker = Api.get(port, API + "requests?module=worker&version=v1&instance=1&limit=2").json();

    assertThat(all.get("capacity").asInt()).isEqualTo(1000);
    assertThat(all.get("requests").get(0).get("module").asText()).isEqualTo("default");
    assertThat(worker.get("requests")).hasSize(2);
    JsonNode newest = worker.get("requests").get(0);
    assertThat(newest.get("path").asText()).isEqualTo("/hello");
    assertThat(newest.get("method").asText()).isEqualTo("GET");
    assertThat(newest.get("status").asInt()).isEqualTo(200);
    assertThat(newest.get("bytes").asLong()).isEqualTo(5);
    assertThat(newest.get("instance").asText()).isEqualTo("1");
    assertThat(newest.get("requestId").asText()).isNotEmpty();
    long seq = newest.get("seq").asLong();
    assertThat(worker.get("requests").get(1).get("seq").asLong()).isLessThan(seq);
    JsonNode since = Api.get(port, API + "requests?instance=1&since=" + (seq - 1)).json();
    assertThat(since.get("requests")).hasSize(1);
  }

  @Test
  @DisplayName("the console page, its style and script come from the jar, with a strict content security policy")
  void console() {
    Api.Answer page = Api.get(port, "/_ah/admin");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("connect-src 'self'");
    assertThat(page.body()).contains("/_ah/admin/console.js");
    assertThat(Api.get(port, "/_ah/admin/console.js").body()).contains("/_ah/admin/api/");
    assertThat(Api.get(port, "/_ah/admin/console.css").header("Content-Type")).startsWith("text/css");
    assertThat(Api.get(port, "/_ah/admin/other").status()).isEqualTo(404);
    assertThat(Api.get(host.versionPort("worker", "v1"), "/_ah/admin").status())
        .as("the console is the main port's; elsewhere /_ah/ paths are the host's and reach no user code").isEqualTo(404);
  }

  private static void assertError(Api.Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().get("message").asText()).contains(message);
  }

  static JsonNode version(JsonNode root, String module, String version) {
    for (JsonNode m : root.get("modules")) {
      if (m.get("name").asText().equals(module)) {
        for (JsonNode v : m.get("versions")) {
          if (v.get("name").asText().equals(version)) {
            return v;
          }
        }
      }
    }
    throw new AssertionError("no " + module + "/" + version + " in " + root);
  }
}
