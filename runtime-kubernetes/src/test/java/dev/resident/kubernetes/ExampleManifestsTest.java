package dev.resident.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The manifests of the examples, written in this build by the launcher (the exec executions of this module's
 * pom) from seed 001's backends (examples/backends-demo) and seed 002's modules (examples/modules-demo), read
 * back into fabric8's types and checked field by field, and compared with the copies kept in
 * examples/kubernetes/ (R-DIST-3, R-DIST-4). After a change to the manifests, copy
 * {@code runtime-kubernetes/target/example-manifests/*} over {@code examples/kubernetes/}.
 */
class ExampleManifestsTest {

  private static final Path GENERATED = Path.of("target", "example-manifests");
  private static final Path KEPT = Path.of("..", "examples", "kubernetes");
  private static final String READY = "/_ah/health/ready";
  private static final String LIVE = "/_ah/health/live";

  @ParameterizedTest
  @ValueSource(strings = {"backends-demo", "modules-demo"})
  @DisplayName("R-DIST-3: examples/kubernetes holds exactly what the build generated, but the Secret's random value")
  void keptEqualsGenerated(String example) throws IOException {
    Path generated = GENERATED.resolve(example);
    Path kept = KEPT.resolve(example);
    assertThat(names(kept)).as("files of " + kept).isEqualTo(names(generated));
    for (String name : names(generated)) {
      if (name.contains("-secret-")) {
        Secret made = (Secret) Manifests.read(generated).byFile().get(name);
        Secret stored = (Secret) Manifests.read(kept).byFile().get(name);
        assertThat(stored.getMetadata()).isEqualTo(made.getMetadata());
        assertThat(stored.getType()).isEqualTo(made.getType()).isEqualTo("Opaque");
        assertThat(decoded(stored)).matches("[0-9a-f]{64}");
        assertThat(decoded(made)).matches("[0-9a-f]{64}").isNotEqualTo(decoded(stored));
      } else {
        assertThat(Files.readString(kept.resolve(name))).as(name).isEqualTo(Files.readString(generated.resolve(name)));
      }
    }
  }

  private static String decoded(Secret secret) {
    return new String(Base64.getDecoder().decode(secret.getData().get(KubernetesNames.SECRET_KEY)),
        StandardCharsets.US_ASCII);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  @DisplayName("R-DIST-3: seed 001's backends: a StatefulSet and headless Service per manual backend, Knative"
      + " Services for the default module and the dynamic backend, access objects, an Ingress")
  void backendsDemo() {
    Manifests m = Manifests.read(GENERATED.resolve("backends-demo"));
    assertThat(m.byFile().keySet()).containsExactly(
        "00-serviceaccount-backends-demo-resident.yaml", "01-role-backends-demo-resident.yaml",
        "02-rolebinding-backends-demo-resident.yaml", "03-secret-backends-demo-internal.yaml",
        "04-knative-service-default-v1.yaml", "05-service-memdb-v1.yaml", "06-statefulset-memdb-v1.yaml",
        "07-service-crawler-v1.yaml", "08-statefulset-crawler-v1.yaml", "09-service-worker-v1.yaml",
        "10-statefulset-worker-v1.yaml", "11-knative-service-cmdline-v1.yaml",
        "12-ingress-backends-demo-dispatch.yaml");
    for (HasMetadata object : m.all()) {
      assertThat(object.getMetadata().getNamespace()).isEqualTo("backends-demo");
      assertThat(object.getMetadata().getLabels()).containsEntry(KubernetesNames.APP_LABEL, "backends-demo");
    }
    List<String> args = List.of("--address", "0.0.0.0", "--port", "8080", "app.yaml", "backends.yaml");

    manual(m, "memdb", 5, "1Gi", "2", args);
    manual(m, "crawler", 10, "256Mi", "500m", args);
    manual(m, "worker", 1, "256Mi", "500m", args);

    GenericKubernetesResource web = m.get(GenericKubernetesResource.class, "default-v1");
    assertThat(web.getApiVersion()).isEqualTo("serving.knative.dev/v1");
    assertThat(web.getKind()).isEqualTo("Service");
    assertThat(web.getMetadata().getLabels()).doesNotContainKey(KnativeServices.VISIBILITY);
    assertThat(Manifests.knativeAnnotations(web))
        .containsExactly(entry(KnativeServices.MIN_SCALE, "0"), entry(KnativeServices.MAX_SCALE, "20"));
    assertThat(Manifests.knativeTemplateSpec(web)).containsEntry("containerConcurrency", 10)
        .containsEntry("timeoutSeconds", 61).containsEntry("serviceAccountName", "backends-demo-resident");
    knativeContainer(web, "default/v1", "registry.example.com/resident/backends-demo:0.1.0", "128Mi", args);

    GenericKubernetesResource cmdline = m.get(GenericKubernetesResource.class, "cmdline-v1");
    // backends.yaml makes cmdline public (R-SEC-2), so its Knative Service is not cluster-local.
    assertThat(cmdline.getMetadata().getLabels()).doesNotContainKey(KnativeServices.VISIBILITY)
        .containsEntry(KubernetesNames.MODULE_LABEL, "cmdline").containsEntry(KubernetesNames.VERSION_LABEL, "v1");
    assertThat(Manifests.knativeAnnotations(cmdline)).containsExactly(entry(KnativeServices.MIN_SCALE, "0"),
        entry(KnativeServices.MAX_SCALE, "1"), entry(KnativeServices.RETENTION, "5m"));
    assertThat(Manifests.knativeTemplateSpec(cmdline)).containsEntry("containerConcurrency", 10)
        .doesNotContainKey("timeoutSeconds");
    knativeContainer(cmdline, "cmdline/v1", "registry.example.com/resident/backends-demo:0.1.0", "256Mi", args);

    access(m, "backends-demo", List.of("memdb-v1", "crawler-v1", "worker-v1"), List.of("default-v1", "cmdline-v1"));

    Ingress ingress = m.get(Ingress.class, "backends-demo-dispatch");
    assertThat(ingress.getSpec().getDefaultBackend().getService().getName()).isEqualTo("default-v1");
    assertThat(ingress.getSpec().getDefaultBackend().getService().getPort().getNumber()).isEqualTo(80);
    assertThat(ingress.getSpec().getRules()).isEmpty();
  }

  @Test
  @DisplayName("R-DIST-3: seed 002's modules: Knative Services for the automatic modules (min idle as min scale),"
      + " a StatefulSet for the manual B8 module, the dispatch rule as an Ingress path")
  void modulesDemo() {
    Manifests m = Manifests.read(GENERATED.resolve("modules-demo"));
    assertThat(m.byFile()).hasSize(9);
    List<String> args = List.of("--address", "0.0.0.0", "--port", "8080", "app.yaml", "mobile-frontend.yaml",
        "my-module.yaml", "dispatch.yaml");
    manual(m, "my-module", 1, "1Gi", "2", args);
    assertThat(m.get(StatefulSet.class, "my-module-uno").getMetadata().getLabels())
        .containsEntry(KubernetesNames.VERSION_LABEL, "uno");

    GenericKubernetesResource mobile = m.get(GenericKubernetesResource.class, "mobile-frontend-uno");
    assertThat(Manifests.knativeAnnotations(mobile))
        .containsExactly(entry(KnativeServices.MIN_SCALE, "2"), entry(KnativeServices.MAX_SCALE, "20"));
    assertThat(Manifests.knativeTemplateSpec(mobile)).containsEntry("containerConcurrency", 10);
    knativeContainer(mobile, "mobile-frontend/uno", "registry.example.com/resident/modules-demo:0.1.0", "128Mi", args);
    knativeContainer(m.get(GenericKubernetesResource.class, "default-uno"), "default/uno",
        "registry.example.com/resident/modules-demo:0.1.0", "128Mi", args);

    access(m, "simple-sample", List.of("my-module-uno"), List.of("default-uno", "mobile-frontend-uno"));

    Ingress ingress = m.get(Ingress.class, "simple-sample-dispatch");
    assertThat(ingress.getSpec().getDefaultBackend().getService().getName()).isEqualTo("default-uno");
    assertThat(ingress.getSpec().getRules()).hasSize(1);
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isNull();
    HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertThat(path.getPath()).isEqualTo("/mobile");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo("mobile-frontend-uno");
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
  }

  private static void manual(Manifests m, String module, int replicas, String memory, String cpu, List<String> args) {
    String name = module + "-" + (module.equals("my-module") ? "uno" : "v1");
    StatefulSet set = m.get(StatefulSet.class, name);
    Map<String, String> labels = set.getSpec().getSelector().getMatchLabels();
    assertThat(labels).containsEntry(KubernetesNames.MODULE_LABEL, module).hasSize(3);
    assertThat(set.getMetadata().getLabels()).isEqualTo(labels);
    assertThat(set.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(labels);
    assertThat(set.getSpec().getReplicas()).isEqualTo(replicas);
    assertThat(set.getSpec().getServiceName()).isEqualTo(name);
    assertThat(set.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    assertThat(set.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .as("preStop 5 s + shutdown grace 30 s + 5 s to exit").isEqualTo(40L);
    assertThat(set.getSpec().getTemplate().getSpec().getServiceAccountName()).endsWith("-resident");
    Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs()).isEqualTo(args);
    assertThat(container.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getContainerPort()).isEqualTo(8080);
      assertThat(p.getName()).isEqualTo("http");
    });
    String app = set.getMetadata().getLabels().get(KubernetesNames.APP_LABEL);
    assertThat(Manifests.env(container))
        .containsEntry("RESIDENT_INSTANCE", module + "/" + labels.get(KubernetesNames.VERSION_LABEL))
        .containsEntry(KubernetesNames.SECRET_ENV, "secret:" + app + "-internal/secret");
    assertThat(container.getResources().getLimits()).containsExactly(entry("memory", new Quantity(memory)));
    assertThat(container.getResources().getRequests()).containsEntry("memory", new Quantity(memory))
        .containsEntry("cpu", new Quantity(cpu));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(READY);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(LIVE);
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(LIVE);
    assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold())
        .as("seconds the process has to answer at all").isEqualTo(300);
    assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);

    Service service = m.get(Service.class, name);
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(service.getSpec().getSelector()).isEqualTo(labels);
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
    });
  }

  private static void knativeContainer(GenericKubernetesResource service, String instance, String image,
      String memory, List<String> args) {
    Container container = Manifests.knativeContainer(service);
    assertThat(container.getImage()).isEqualTo(image);
    assertThat(container.getArgs()).isEqualTo(args);
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getPorts().get(0).getName()).isEqualTo("http1");
    assertThat(Manifests.env(container)).containsEntry("RESIDENT_INSTANCE", instance);
    assertThat(Manifests.env(container).get(KubernetesNames.SECRET_ENV))
        .startsWith("secret:").endsWith("-internal/secret");
    assertThat(container.getResources().getLimits()).containsExactly(entry("memory", new Quantity(memory)));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(READY);
    assertThat(container.getReadinessProbe().getHttpGet().getPort()).isNull();
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(LIVE);
    assertThat(container.getStartupProbe()).as("Knative takes no startup probe").isNull();
    assertThat(container.getLifecycle()).as("Knative takes no lifecycle hooks").isNull();
  }

  private static void access(Manifests m, String app, List<String> statefulSets, List<String> knative) {
    String account = app + "-resident";
    assertThat(m.get(ServiceAccount.class, account)).isNotNull();
    RoleBinding binding = m.get(RoleBinding.class, account);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo(account);
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getKind()).isEqualTo("ServiceAccount");
      assertThat(s.getName()).isEqualTo(account);
    });
    Role role = m.get(Role.class, account);
    assertThat(role.getRules()).extracting(PolicyRule::getApiGroups, PolicyRule::getResources,
            PolicyRule::getResourceNames, PolicyRule::getVerbs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(List.of("apps"), List.of("statefulsets"), statefulSets,
                List.of("get", "patch")),
            org.assertj.core.groups.Tuple.tuple(List.of("apps"), List.of("statefulsets/scale"), statefulSets,
                List.of("get", "update")),
            org.assertj.core.groups.Tuple.tuple(List.of("apps"), List.of("statefulsets"), List.of(),
                List.of("list", "watch")),
            org.assertj.core.groups.Tuple.tuple(List.of(""), List.of("services"), statefulSets, List.of("get")),
            org.assertj.core.groups.Tuple.tuple(List.of("serving.knative.dev"), List.of("services"), knative,
                List.of("get")),
            org.assertj.core.groups.Tuple.tuple(List.of("serving.knative.dev"), List.of("revisions"), List.of(),
                List.of("get")));
    Secret secret = m.get(Secret.class, app + "-internal");
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("secret")), StandardCharsets.US_ASCII))
        .matches("[0-9a-f]{64}");
  }
}
