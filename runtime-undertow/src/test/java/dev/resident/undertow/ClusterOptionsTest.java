package dev.resident.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.undertow.cluster.InstanceIdentity;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launcher's options of R-DIST-1 and R-DIST-3. */
class ClusterOptionsTest {

  @Test
  @DisplayName("R-DIST-1: --instance names one instance, with or without its id")
  void instance() {
    assertThat(LaunchOptions.parse("--instance", "worker/v1/3", "app.yaml").instance())
        .isEqualTo(new InstanceIdentity("worker", "v1", "3"));
    assertThat(LaunchOptions.parse("--instance=worker/v1", "app.yaml").instance())
        .isEqualTo(new InstanceIdentity("worker", "v1", null));
    assertThat(LaunchOptions.parse("app.yaml").instance()).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "worker                 | an instance is MODULE/VERSION or MODULE/VERSION/ID, such as worker/v1/0; found \"worker\"",
      "worker/v1/a            | the instance id of \"worker/v1/a\" must be a number such as 0; found \"a\"",
      "-worker/v1             | the module of \"-worker/v1\" must be letters, digits and hyphens",
      "worker/v_1             | the version of \"worker/v_1\" must be letters, digits and hyphens",
      "worker/v1/0/1          | an instance is MODULE/VERSION or MODULE/VERSION/ID"})
  @DisplayName("R-DIST-1: a wrong --instance is a usage error naming what is wrong")
  void wrongInstance(String value, String message) {
    assertThatThrownBy(() -> LaunchOptions.parse("--instance", value, "app.yaml"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessageStartingWith("--instance: " + message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "worker-v1-3       | 3",
      "memdb-v1-12       | 12",
      "worker-v1-03      | 3",
      "worker            | -",
      "worker-v1-00001-deployment-5d8f9c-x7k2p | -",
      "-                 | -"})
  @DisplayName("R-DIST-1: the id comes from the ordinal at the end of the pod name")
  void ordinal(String hostname, String id) {
    assertThat(InstanceIdentity.parse("worker/v1").withOrdinalOf(hostname).id()).isEqualTo(id);
    assertThat(InstanceIdentity.parse("worker/v1/7").withOrdinalOf(hostname).id()).isEqualTo("7");
  }

  @Test
  @DisplayName("R-DIST-3: --kubernetes-manifests with --image and --namespace")
  void manifests() {
    LaunchOptions options = LaunchOptions.parse("--kubernetes-manifests", "out", "--image", "reg/app:1",
        "--namespace=apps", "app.yaml");
    assertThat(options.manifests()).isEqualTo(Path.of("out"));
    assertThat(options.image()).isEqualTo("reg/app:1");
    assertThat(options.namespace()).isEqualTo("apps");
  }

  @Test
  @DisplayName("R-DIST-3: --image and --namespace need --kubernetes-manifests, which goes with neither"
      + " --check nor --instance")
  void manifestsConflicts() {
    assertThatThrownBy(() -> LaunchOptions.parse("--image", "x", "app.yaml"))
        .hasMessage("--image needs --kubernetes-manifests");
    assertThatThrownBy(() -> LaunchOptions.parse("--namespace", "x", "app.yaml"))
        .hasMessage("--namespace needs --kubernetes-manifests");
    assertThatThrownBy(() -> LaunchOptions.parse("--kubernetes-manifests", "o", "--check", "app.yaml"))
        .hasMessage("--kubernetes-manifests writes files and exits; it cannot go with --check");
    assertThatThrownBy(() -> LaunchOptions.parse("--kubernetes-manifests", "o", "--instance", "a/b", "app.yaml"))
        .hasMessage("--kubernetes-manifests writes files and exits; it cannot go with --instance");
  }
}
