package dev.resident.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the API server answers beyond success, through the mock server in expectation mode: RBAC refusals
 * (403) and missing objects (404) become ModulesExceptions that say so (R-DIST-2, R-DIST-4).
 */
@EnableKubernetesMockClient
class ClusterAnswersTest {

  private static final String STATEFULSET = "/apis/apps/v1/namespaces/test/statefulsets/worker-v1";

  KubernetesMockServer server;
  KubernetesClient client;

  private final ApplicationConfig application = TestApps.application();
  private KubernetesCluster cluster;
  private ModulesService modules;

  @BeforeEach
  void connect() {
    cluster = new KubernetesCluster(client, false, TestApps.NAMESPACE, "cluster.local", application);
    modules = cluster.of(TestApps.local("worker", "v1", "0"));
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private static Status forbidden(String verb, String resource) {
    return new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure").withCode(403)
        .withReason("Forbidden")
        .withMessage(resource + " \"worker-v1\" is forbidden: User \"system:serviceaccount:test:shop-resident\""
            + " cannot " + verb + " resource \"" + resource + "\" in API group \"apps\" in the namespace \"test\"")
        .build();
  }

  @Test
  @DisplayName("R-DIST-2: a read the Role does not allow is a ModulesException with the 403 and its message")
  void forbiddenRead() {
    server.expect().get().withPath(STATEFULSET).andReturn(403, forbidden("get", "statefulsets")).always();

    assertThatThrownBy(() -> modules.getNumInstances("worker", "v1")).isInstanceOf(ModulesException.class)
        .hasMessage("getNumInstances(worker/v1) failed: the Kubernetes API server answered 403 Forbidden:"
            + " statefulsets \"worker-v1\" is forbidden: User \"system:serviceaccount:test:shop-resident\" cannot"
            + " get resource \"statefulsets\" in API group \"apps\" in the namespace \"test\"");
  }

  @Test
  @DisplayName("R-DIST-2: a scale the Role does not allow is a ModulesException with the 403, also through the"
      + " async form's future")
  void forbiddenScale() throws InterruptedException {
    server.expect().get().withPath(STATEFULSET).andReturn(200, TestApps.statefulSet(application, "worker-v1"))
        .always();
    server.expect().get().withPath(STATEFULSET + "/scale").andReturn(200, new ScaleBuilder()
        .withNewMetadata().withName("worker-v1").withNamespace("test").endMetadata()
        .withNewSpec().withReplicas(2).endSpec().build()).always();
    server.expect().put().withPath(STATEFULSET + "/scale").andReturn(403, forbidden("update", "statefulsets/scale"))
        .always();

    assertThatThrownBy(() -> modules.setNumInstances("worker", "v1", 3)).isInstanceOf(ModulesException.class)
        .hasMessageStartingWith("setNumInstances(worker/v1, 3) failed: the Kubernetes API server answered 403"
            + " Forbidden: statefulsets/scale \"worker-v1\" is forbidden");
    assertThatThrownBy(() -> modules.setNumInstancesAsync("worker", "v1", 3).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ModulesException.class)
        .hasMessageContaining("answered 403 Forbidden");
    // fabric8 scales by reading the scale subresource and replacing it: the Role grants get and update on it.
    assertThat(server.getLastRequest().getMethod()).isEqualTo("PUT");
    assertThat(server.getLastRequest().getPath()).isEqualTo(STATEFULSET + "/scale");
  }

  @Test
  @DisplayName("R-DIST-2: a StatefulSet the API server does not have (404) is a ModulesException naming it")
  void notFound() {
    server.expect().get().withPath(STATEFULSET).andReturn(404, new StatusBuilder().withCode(404)
        .withReason("NotFound").withMessage("statefulsets.apps \"worker-v1\" not found").build()).always();

    assertThatThrownBy(() -> modules.stopVersion("worker", "v1")).isInstanceOf(ModulesException.class)
        .hasMessage("stopVersion(worker/v1): no StatefulSet worker-v1 in namespace test (the Kubernetes API server"
            + " answered 404 Not Found); apply the manifests of --kubernetes-manifests");
  }

  @Test
  @DisplayName("R-DIST-2: a change the API server refuses as invalid is a ModulesException with its code and message")
  void invalidChange() {
    server.expect().get().withPath(STATEFULSET).andReturn(200, TestApps.statefulSet(application, "worker-v1"))
        .always();
    server.expect().patch().withPath(STATEFULSET).andReturn(422, new StatusBuilder().withCode(422)
        .withReason("Invalid").withMessage("StatefulSet.apps \"worker-v1\" is invalid: metadata.annotations: Too long")
        .build()).always();

    assertThatThrownBy(() -> modules.stopVersion("worker", "v1")).isInstanceOf(ModulesException.class)
        .hasMessage("stopVersion(worker/v1) failed: the Kubernetes API server answered 422 Invalid:"
            + " StatefulSet.apps \"worker-v1\" is invalid: metadata.annotations: Too long");
  }
}
