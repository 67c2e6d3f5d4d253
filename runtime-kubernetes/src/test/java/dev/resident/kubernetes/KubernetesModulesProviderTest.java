package dev.resident.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.cluster.ModulesServiceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the launcher finds this artifact (R-DIST-2, R-DIST-3). */
class KubernetesModulesProviderTest {

  @AfterEach
  void clear() {
    System.clearProperty(KubernetesModulesProvider.SWITCH_PROPERTY);
  }

  @Test
  @DisplayName("R-DIST-2, R-DIST-3: the provider and the manifest writer are found with ServiceLoader")
  void foundByServiceLoader() {
    assertThat(ServiceLoader.load(ModulesServiceProvider.class).stream().map(ServiceLoader.Provider::type))
        .containsExactly(KubernetesModulesProvider.class);
    assertThat(ServiceLoader.load(ManifestWriter.class).stream().map(ServiceLoader.Provider::type))
        .containsExactly(KubernetesManifests.class);
  }

  @Test
  @DisplayName("R-DIST-2: the provider applies in a pod (its service-account token), or when switched on, and"
      + " not when switched off")
  void applies() {
    KubernetesModulesProvider provider = new KubernetesModulesProvider();
    boolean inPod = Files.exists(Path.of(KubernetesModulesProvider.TOKEN));
    if (System.getenv(KubernetesModulesProvider.SWITCH_ENV) == null) {
      assertThat(provider.applies()).isEqualTo(inPod);
    }
    System.setProperty(KubernetesModulesProvider.SWITCH_PROPERTY, "true");
    assertThat(provider.applies()).isTrue();
    System.setProperty(KubernetesModulesProvider.SWITCH_PROPERTY, "false");
    assertThat(provider.applies()).isFalse();
    assertThat(provider.name()).isEqualTo("kubernetes");
  }
}
