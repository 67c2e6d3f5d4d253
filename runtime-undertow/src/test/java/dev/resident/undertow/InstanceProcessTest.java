package dev.resident.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.launcher.EnvTestServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with --instance as a real process, as one pod runs it (R-DIST-1). */
class InstanceProcessTest {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @TempDir
  Path dir;

  @Test
  @DisplayName("R-DIST-1: --instance runs one manual instance on the main port; its System.getenv sees the"
      + " version's env_variables (through a child JVM, since this environment lacks them); SIGTERM runs its"
      + " hook once and the launcher exits 0")
  void oneInstanceWithItsEnvironment() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("app.yaml"), """
        application: instance-test
        version: v1
        """);
    Files.writeString(dir.resolve("worker.yaml"), """
        application: instance-test
        module: worker
        version: v1
        manual_scaling:
          instances: 2
        env_variables:
          GREETING: hello from yaml
        handlers:
        - url: /*
          servlet: %s
        """.formatted(EnvTestServlet.class.getName()));
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--port", "0", "--instance", "worker/v1/1",
        "app.yaml", "worker.yaml")) {
      List<String> stdout = launcher.awaitLine("worker row", line -> line.startsWith("worker "), BOUND);
      String url = stdout.get(0).replace("Resident is listening on ", "");
      assertThat(stdout.subList(2, stdout.size())).hasSize(1);
      assertThat(stdout.get(2).split(" +")).startsWith("worker", "v1", "1");

      assertThat(get(url + "hello")).isEqualTo("GREETING=hello from yaml worker/v1/1");
      assertThat(launcher.stderr()).contains("The environment lacks env_variables [GREETING] of worker/v1;"
          + " running the instance in a child JVM that has them");
      assertThat(launcher.stderr()).contains("ModulesService: standalone; no cluster provider applies here");

      launcher.sigterm();
      assertThat(launcher.awaitExit(BOUND)).isZero();
      assertThat(launcher.stdout()).filteredOn(line -> line.startsWith("HOOK")).containsExactly("HOOK worker/v1/1");
    }
  }

  @Test
  @DisplayName("R-DIST-1: an --instance the files do not have fails at once, naming what exists")
  void unknownInstance() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), "application: instance-test\nversion: v1\n");
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--instance", "worker/v1/0", "app.yaml")) {
      assertThat(launcher.awaitExit(BOUND)).isEqualTo(Main.EXIT_FAILED);
      assertThat(launcher.stderr()).contains("Error: --instance worker/v1/0: no module worker; modules: [default]");
    }
  }

  @Test
  @DisplayName("R-DIST-3: --kubernetes-manifests without runtime-kubernetes on the class path fails, naming the"
      + " artifact")
  void manifestsNeedTheArtifact() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), "application: instance-test\nversion: v1\n");
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--kubernetes-manifests", "out", "app.yaml")) {
      assertThat(launcher.awaitExit(BOUND)).isEqualTo(Main.EXIT_FAILED);
      assertThat(launcher.stderr()).contains("Error: --kubernetes-manifests needs the artifact"
          + " dev.resident:runtime-kubernetes on the class path");
      assertThat(dir.resolve("out")).doesNotExist();
    }
  }

  private static String get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(BOUND).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
