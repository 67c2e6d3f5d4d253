package dev.resident.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.kubernetes.process.ScalingServlet;
import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes of one application on a (mock) cluster (R-DIST-1, R-DIST-2, R-DIST-4): this JVM holds the API
 * server, with the StatefulSets the manifests describe; a launcher in a JVM of its own runs the one instance
 * worker/v1/0 ({@code --instance}), finds the Kubernetes modules service on its class path, and its code
 * scales and stops memdb/v1, another version, through the API server.
 */
@EnableKubernetesMockClient(crud = true)
class TwoProcessTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  KubernetesClient client;

  @TempDir
  Path dir;

  @Test
  @DisplayName("R-DIST-1, R-DIST-2: an --instance process scales and stops another version through the API server")
  void instanceScalesAnotherVersion() throws Exception {
    Files.writeString(dir.resolve("app.yaml"), "application: shop\nversion: v1\n");
    Files.writeString(dir.resolve("worker.yaml"), """
        application: shop
        module: worker
        version: v1
        manual_scaling:
          instances: 1
        handlers:
        - url: /*
          servlet: %s
        """.formatted(ScalingServlet.class.getName()));
    Files.writeString(dir.resolve("memdb.yaml"), """
        application: shop
        module: memdb
        version: v1
        manual_scaling:
          instances: 2
        """);
    List<Path> files = List.of(dir.resolve("app.yaml"), dir.resolve("worker.yaml"), dir.resolve("memdb.yaml"));
    ApplicationConfig application = ConfigLoader.load(files).application();
    for (HasMetadata object : new KubernetesManifests().objects(application,
        new ManifestWriter.Options("img", TestApps.NAMESPACE, List.of("app.yaml")), new ArrayList<>())) {
      if (object instanceof StatefulSet || object instanceof Service) {
        client.resource(object).inNamespace(TestApps.NAMESPACE).create();
      }
    }

    Process process = launcher(client.getConfiguration().getMasterUrl(), "--port", "0", "--instance", "worker/v1/0",
        "app.yaml", "worker.yaml", "memdb.yaml");
    try {
      String url = awaitListening(process);
      awaitServing(url);
      assertThat(Files.readString(dir.resolve("stderr.log")))
          .contains("ModulesService: kubernetes (" + KubernetesModulesProvider.class.getName() + ")");

      assertThat(get(url + "scale?module=memdb&version=v1&n=3")).isEqualTo("scaled memdb/v1 to 3");
      assertThat(memdb().getSpec().getReplicas()).isEqualTo(3);

      assertThat(get(url + "where?module=memdb&version=v1"))
          .isEqualTo("worker/v1/0 memdb-v1-1.memdb-v1.test.svc.cluster.local:8080");

      assertThat(get(url + "stop?module=memdb&version=v1")).isEqualTo("stopped memdb/v1, 3 to start again");
      assertThat(memdb().getSpec().getReplicas()).isZero();
      assertThat(memdb().getMetadata().getAnnotations()).containsEntry(KubernetesNames.STOPPED_COUNT, "3");
      assertThat(client.apps().statefulSets().inNamespace(TestApps.NAMESPACE).withName("worker-v1").get()
          .getSpec().getReplicas()).isEqualTo(1);

      process.destroy();
      assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private StatefulSet memdb() {
    return client.apps().statefulSets().inNamespace(TestApps.NAMESPACE).withName("memdb-v1").get();
  }

  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

  /** The launcher with this JVM's class path, its client pointed at the mock API server as a pod's would be. */
  private Process launcher(String masterUrl, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dkubernetes.master=" + masterUrl,
        "-Dkubernetes.namespace=" + TestApps.NAMESPACE,
        "-Dkubernetes.trust.certificates=true",
        "-Dkubernetes.auth.tryKubeConfig=false",
        "-Dkubernetes.auth.tryServiceAccount=false",
        "-D" + KubernetesModulesProvider.SWITCH_PROPERTY + "=true",
        "dev.resident.undertow.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectError(dir.resolve("stderr.log").toFile()).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          stdout.add(line);
        }
      } catch (IOException ended) {
        // The process ended: what was read stays.
      } finally {
        stdout.add("<end>");
      }
    }, "launcher-stdout");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private String awaitListening(Process process) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      String line = stdout.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line.equals("<end>")) {
        throw new AssertionError("The launcher did not print where it listens\nstderr:\n"
            + Files.readString(dir.resolve("stderr.log")));
      }
      if (line.startsWith("Resident is listening on ")) {
        return line.substring("Resident is listening on ".length());
      }
    }
  }

  /** Polls the instance itself (not a health endpoint) until its start request has returned and it serves. */
  private void awaitServing(String url) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(BOUND).build(),
          HttpResponse.BodyHandlers.ofString());
      if (last.statusCode() == 200 && last.body().equals("serving")) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("worker/v1/0 did not serve within " + BOUND + ": " + last);
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(BOUND).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
