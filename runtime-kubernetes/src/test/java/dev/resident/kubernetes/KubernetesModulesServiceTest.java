package dev.resident.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every call of the Kubernetes modules service against fabric8's mock API server in CRUD mode, which stores
 * objects and runs no controller: a scale changes {@code spec.replicas}, never {@code status} (R-DIST-2,
 * R-DIST-4).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesModulesServiceTest {

  KubernetesClient client;

  private final ApplicationConfig application = TestApps.application();
  private KubernetesCluster cluster;
  private ModulesService modules;

  @BeforeEach
  void deploy() {
    for (String name : new String[] {"worker-v1", "worker-v2"}) {
      client.apps().statefulSets().inNamespace(TestApps.NAMESPACE).resource(TestApps.statefulSet(application, name))
          .create();
      client.services().inNamespace(TestApps.NAMESPACE).resource(TestApps.service(application, name)).create();
    }
    for (String name : new String[] {"default-v1", "batch-v1"}) {
      client.genericKubernetesResources(KubernetesModulesService.KNATIVE_SERVICE).inNamespace(TestApps.NAMESPACE)
          .resource(TestApps.knativeService(application, name, name + "-00001")).create();
    }
    client.genericKubernetesResources(KubernetesModulesService.KNATIVE_REVISION).inNamespace(TestApps.NAMESPACE)
        .resource(TestApps.revision("default-v1-00001", 3)).create();
    cluster = new KubernetesCluster(client, false, TestApps.NAMESPACE, "cluster.local", application);
    modules = cluster.of(TestApps.local("worker", "v1", "1"));
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private StatefulSet stored(String name) {
    return client.apps().statefulSets().inNamespace(TestApps.NAMESPACE).withName(name).get();
  }

  @Test
  @DisplayName("R-DIST-2: the current module, version and instance are the process's own; names come from the"
      + " application")
  void names() {
    assertThat(modules.getCurrentModule()).isEqualTo("worker");
    assertThat(modules.getCurrentVersion()).isEqualTo("v1");
    assertThat(modules.getCurrentInstanceId()).isEqualTo("1");
    assertThat(modules.getModules()).containsExactly("default", "worker", "batch");
    assertThat(modules.getVersions(null)).containsExactly("v1", "v2");
    assertThat(modules.getDefaultVersion("worker")).isEqualTo("v1");
    assertThatThrownBy(() -> modules.getVersions("nope")).isInstanceOf(ModulesException.class)
        .hasMessage("Unknown module nope; modules: [default, worker, batch]");
    assertThatThrownBy(() -> modules.getNumInstances("worker", "v9")).isInstanceOf(ModulesException.class)
        .hasMessage("Unknown module version worker/v9; versions of worker: [v1, v2]");
  }

  @Test
  @DisplayName("R-DIST-2: getNumInstances reads a StatefulSet's replicas and a Knative revision's actual replicas")
  void counts() {
    assertThat(modules.getNumInstances(null, null)).isEqualTo(2);
    assertThat(modules.getNumInstances("worker", "v2")).isEqualTo(1);
    assertThat(modules.getNumInstances("default", null)).isEqualTo(3);
    assertThat(modules.getNumInstances("batch", "v1")).isZero();
  }

  @Test
  @DisplayName("R-DIST-2: setNumInstances scales the StatefulSet (sync and async); automatic and basic refuse")
  void setNumInstances() throws Exception {
    modules.setNumInstances("worker", "v1", 5);
    assertThat(stored("worker-v1").getSpec().getReplicas()).isEqualTo(5);
    assertThat(modules.getNumInstances("worker", "v1")).isEqualTo(5);

    modules.setNumInstancesAsync("worker", "v2", 3).get(10, TimeUnit.SECONDS);
    assertThat(stored("worker-v2").getSpec().getReplicas()).isEqualTo(3);
    assertThat(stored("worker-v1").getSpec().getReplicas()).isEqualTo(5);

    assertThatThrownBy(() -> modules.setNumInstances("default", "v1", 2)).isInstanceOf(ModulesException.class)
        .hasMessage("setNumInstances needs manual scaling; default/v1 uses automatic scaling (on Kubernetes a"
            + " Knative Service, which scales by load)");
    assertThatThrownBy(() -> modules.setNumInstances("batch", "v1", 2)).isInstanceOf(ModulesException.class)
        .hasMessageStartingWith("setNumInstances needs manual scaling; batch/v1 uses basic scaling");
    assertThatThrownBy(() -> modules.setNumInstances("worker", "v1", 0)).isInstanceOf(ModulesException.class)
        .hasMessage("setNumInstances needs 1 to 200 instances, found 0");
  }

  @Test
  @DisplayName("R-DIST-2: stopVersion scales to 0 and remembers the count; startVersion scales back; both are"
      + " idempotent; a count set while stopped is the one started")
  void stopAndStart() throws Exception {
    modules.stopVersion("worker", "v1");
    StatefulSet stopped = stored("worker-v1");
    assertThat(stopped.getSpec().getReplicas()).isZero();
    assertThat(stopped.getMetadata().getAnnotations()).containsEntry(KubernetesNames.STOPPED_COUNT, "2");
    assertThat(modules.getNumInstances("worker", "v1")).isEqualTo(2);

    modules.stopVersion("worker", "v1");
    assertThat(stored("worker-v1").getMetadata().getAnnotations()).containsEntry(KubernetesNames.STOPPED_COUNT, "2");

    modules.setNumInstances("worker", "v1", 4);
    assertThat(stored("worker-v1").getSpec().getReplicas()).isZero();
    assertThat(stored("worker-v1").getMetadata().getAnnotations()).containsEntry(KubernetesNames.STOPPED_COUNT, "4");

    modules.startVersionAsync("worker", "v1").get(10, TimeUnit.SECONDS);
    StatefulSet started = stored("worker-v1");
    assertThat(started.getSpec().getReplicas()).isEqualTo(4);
    assertThat(started.getMetadata().getAnnotations()).doesNotContainKey(KubernetesNames.STOPPED_COUNT);

    modules.startVersion("worker", "v1");
    assertThat(stored("worker-v1").getSpec().getReplicas()).isEqualTo(4);

    modules.stopVersionAsync("worker", "v2").get(10, TimeUnit.SECONDS);
    assertThat(stored("worker-v2").getSpec().getReplicas()).isZero();
    assertThat(stored("worker-v1").getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  @DisplayName("R-DIST-2: a basic version (Knative) cannot be started or stopped, an automatic one neither")
  void startStopRefused() {
    assertThatThrownBy(() -> modules.stopVersion("batch", "v1")).isInstanceOf(ModulesException.class)
        .hasMessageStartingWith("stopVersion(batch/v1): a basic version runs on Kubernetes as a Knative Service");
    assertThatThrownBy(() -> modules.startVersionAsync("default", "v1")).isInstanceOf(ModulesException.class)
        .hasMessage("startVersion needs manual or basic scaling; default/v1 uses automatic scaling");
  }

  @Test
  @DisplayName("R-DIST-2: host names are the headless Service's and its pods' cluster DNS names, and a Knative"
      + " Service's address")
  void hostnames() {
    assertThat(modules.getVersionHostname("worker", "v1")).isEqualTo("worker-v1.test.svc.cluster.local:8080");
    assertThat(modules.getInstanceHostname("worker", "v1", "1"))
        .isEqualTo("worker-v1-1.worker-v1.test.svc.cluster.local:8080");
    assertThat(modules.getVersionHostname("default", null)).isEqualTo("default-v1.test.svc.cluster.local");
    assertThatThrownBy(() -> modules.getInstanceHostname("worker", "v1", "2")).isInstanceOf(ModulesException.class)
        .hasMessage("Unknown instance 2 of worker/v1; instances: 0 to 1");
    assertThatThrownBy(() -> modules.getInstanceHostname("batch", "v1", "0")).isInstanceOf(ModulesException.class)
        .hasMessageContaining("only manual instances have host names on Kubernetes");
    modules.stopVersion("worker", "v2");
    assertThatThrownBy(() -> modules.getInstanceHostname("worker", "v2", "0"))
        .hasMessage("Unknown instance 0 of worker/v2; instances: none (the version is stopped)");
  }

  @Test
  @DisplayName("R-DIST-2: a missing object is a ModulesException saying what the cluster answered")
  void missing() {
    client.apps().statefulSets().inNamespace(TestApps.NAMESPACE).withName("worker-v2").delete();
    assertThatThrownBy(() -> modules.setNumInstances("worker", "v2", 2)).isInstanceOf(ModulesException.class)
        .hasMessage("setNumInstances(worker/v2, 2): no StatefulSet worker-v2 in namespace test (the Kubernetes API"
            + " server answered 404 Not Found); apply the manifests of --kubernetes-manifests");
  }

  @Test
  @DisplayName("R-DIST-2: a StatefulSet of another application under the same name is never scaled")
  void onlyItsOwn() {
    client.apps().statefulSets().inNamespace(TestApps.NAMESPACE).resource(
        TestApps.otherApplications(stored("worker-v2"))).update();
    assertThatThrownBy(() -> modules.setNumInstances("worker", "v2", 3)).isInstanceOf(ModulesException.class)
        .hasMessage("setNumInstances(worker/v2, 3): the StatefulSet worker-v2 in namespace test is not worker/v2 of"
            + " application shop (label resident.dev/app is \"other\"); this process changes only its own"
            + " application's objects");
    assertThat(stored("worker-v2").getSpec().getReplicas()).isEqualTo(1);
  }
}
