package dev.resident.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigSource;
import dev.resident.undertow.config.InstanceClass;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping of configuration to Kubernetes and Knative objects, setting by setting (R-DIST-3). */
class KubernetesManifestsTest {

  @TempDir
  Path dir;

  private static ApplicationConfig application(String dispatch) {
    List<ConfigSource> sources = new ArrayList<>(List.of(
        new ConfigSource("app.yaml", """
            application: Shop
            version: v1
            threadsafe: false
            env_variables:
              GREETING: hello
              A_FIRST: one
            """),
        new ConfigSource("jobs.yaml", """
            application: Shop
            module: jobs
            version: Nightly-Build
            instance_class: B4_1G
            basic_scaling:
              max_instances: 7
              idle_timeout: 90m
            resident:
              shutdown_grace: 12500ms
            """),
        new ConfigSource("worker.yaml", """
            application: Shop
            module: worker
            version: v1
            instance_class: B1
            manual_scaling:
              instances: 3
            resident:
              shutdown_grace: 2m
            """)));
    if (dispatch != null) {
      sources.add(new ConfigSource("dispatch.yaml", dispatch));
    }
    return ConfigLoader.load(sources, List.of()).application();
  }

  private static final ManifestWriter.Options OPTIONS =
      new ManifestWriter.Options("img:1", "ns", List.of("app.yaml", "jobs.yaml", "worker.yaml"));

  private Manifests written(ApplicationConfig application, List<String> unexpressed) throws IOException {
    ManifestWriter.Result result = new KubernetesManifests().write(application, OPTIONS, dir);
    unexpressed.addAll(result.unexpressed());
    assertThat(result.files()).allSatisfy(file -> assertThat(file).isRegularFile());
    return Manifests.read(dir);
  }

  @Test
  @DisplayName("R-DIST-3, R-SEC-2: a dynamic backend without public is a cluster-local Knative Service;"
      + " with public it is reachable from outside the cluster")
  void privateBackendsAreClusterLocal() throws IOException {
    ApplicationConfig application = ConfigLoader.load(List.of(
        new ConfigSource("app.yaml", "application: Shop\nversion: v1\n"),
        new ConfigSource("backends.yaml", """
            - name: inside
              options: dynamic
            - name: outside
              options: dynamic, public
            """)), List.of()).application();
    Manifests m = written(application, new ArrayList<>());
    assertThat(m.get(GenericKubernetesResource.class, "inside-v1").getMetadata().getLabels())
        .containsEntry(KnativeServices.VISIBILITY, "cluster-local");
    assertThat(m.get(GenericKubernetesResource.class, "outside-v1").getMetadata().getLabels())
        .doesNotContainKey(KnativeServices.VISIBILITY);
  }

  @Test
  @DisplayName("R-DIST-3: threadsafe false is containerConcurrency 1; env_variables are the container's"
      + " environment, sorted, beside RESIDENT_INSTANCE and the secret")
  void concurrencyAndEnvironment() throws IOException {
    Manifests m = written(application(null), new ArrayList<>());
    GenericKubernetesResource web = m.get(GenericKubernetesResource.class, "default-v1");
    assertThat(Manifests.knativeTemplateSpec(web)).containsEntry("containerConcurrency", 1);
    Container container = Manifests.knativeContainer(web);
    assertThat(Manifests.env(container)).containsExactly(
        entry("RESIDENT_INSTANCE", "default/v1"),
        entry(KubernetesNames.SECRET_ENV, "secret:" + KubernetesNames.app("Shop", "internal") + "/secret"),
        entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0"),
        entry("A_FIRST", "one"),
        entry("GREETING", "hello"));
    assertThat(container.getImage()).isEqualTo("img:1");
  }

  @Test
  @DisplayName("R-DIST-3: a basic version scales from 0 to max_instances and keeps its last pod for idle_timeout;"
      + " a name that is no object name is lowered and suffixed with a hash; every object is labelled")
  void basicScalingAndNames() throws IOException {
    Manifests m = written(application(null), new ArrayList<>());
    String name = KubernetesNames.of("jobs", "Nightly-Build");
    assertThat(name).matches("jobs-nightly-build-[0-9a-f]{8}");
    GenericKubernetesResource jobs = m.get(GenericKubernetesResource.class, name);
    assertThat(Manifests.knativeAnnotations(jobs)).containsExactly(entry(KnativeServices.MIN_SCALE, "0"),
        entry(KnativeServices.MAX_SCALE, "7"), entry(KnativeServices.RETENTION, "1h30m"));
    assertThat(jobs.getMetadata().getLabels()).containsEntry(KubernetesNames.APP_LABEL, "Shop")
        .containsEntry(KubernetesNames.MODULE_LABEL, "jobs").containsEntry(KubernetesNames.VERSION_LABEL, "Nightly-Build");
    assertThat(Manifests.knativeContainer(jobs).getResources().getLimits())
        .containsExactly(entry("memory", new Quantity("1Gi")));
    for (HasMetadata object : m.all()) {
      assertThat(object.getMetadata().getLabels()).as(object.getMetadata().getName())
          .containsEntry(KubernetesNames.APP_LABEL, "Shop");
      assertThat(object.getMetadata().getNamespace()).isEqualTo("ns");
    }
    assertThat(KubernetesNames.app("Shop", "resident")).matches("shop-resident-[0-9a-f]{8}");
  }

  @Test
  @DisplayName("R-DIST-3: terminationGracePeriodSeconds is the preStop pause + shutdown_grace + a margin")
  void terminationGrace() throws IOException {
    Manifests m = written(application(null), new ArrayList<>());
    StatefulSet worker = m.get(StatefulSet.class, "worker-v1");
    assertThat(worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(5 + 120 + 5L);
    assertThat(worker.getSpec().getReplicas()).isEqualTo(3);
    assertThat(worker.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
        .containsEntry("memory", new Quantity("128Mi")).containsEntry("cpu", new Quantity("250m"));
    assertThat(PodTemplates.terminationGraceSeconds(application(null).versions().get(1)))
        .as("12.5 s rounds up").isEqualTo(5 + 13 + 5L);
  }

  @ParameterizedTest
  @CsvSource({"B1, 128Mi", "B2, 256Mi", "B4, 512Mi", "B4_1G, 1Gi", "B8, 1Gi", "F1, 128Mi", "F2, 256Mi",
      "F4, 512Mi", "F4_1G, 1Gi"})
  @DisplayName("R-DIST-3, R-MOD-4: the memory of an instance class is the container's request and limit")
  void instanceClassMemory(InstanceClass instanceClass, String memory) {
    assertThat(PodTemplates.resources(instanceClass).getLimits()).containsExactly(entry("memory", new Quantity(memory)));
    assertThat(PodTemplates.resources(instanceClass).getRequests()).containsEntry("memory", new Quantity(memory));
  }

  @Test
  @DisplayName("R-DIST-3: dispatch rules become Ingress paths by host; rules an Ingress cannot express are left"
      + " out and reported, and so are the ones it expresses differently")
  void dispatch() throws IOException {
    List<String> unexpressed = new ArrayList<>();
    Manifests m = written(application("""
        dispatch:
        - url: "*/favicon.ico"
          module: default
        - url: "shop.example.com/work/*"
          module: worker
        - url: "*.example.com/jobs/*"
          module: jobs
        - url: "*/api*"
          module: worker
        - url: "*/*"
          module: default
        - url: "*/work/late/*"
          module: jobs
        """), unexpressed);
    Ingress ingress = m.get(Ingress.class, KubernetesNames.app("Shop", "dispatch"));
    assertThat(ingress.getSpec().getRules()).extracting(IngressRule::getHost)
        .containsExactly(null, "shop.example.com", "*.example.com");
    List<HTTPIngressPath> any = ingress.getSpec().getRules().get(0).getHttp().getPaths();
    assertThat(any).extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType, p -> p.getBackend()
            .getService().getName())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/favicon.ico", "Exact", "default-v1"),
            org.assertj.core.groups.Tuple.tuple("/", "Prefix", "default-v1"),
            org.assertj.core.groups.Tuple.tuple("/work/late", "Prefix", KubernetesNames.of("jobs", "Nightly-Build")));
    HTTPIngressPath work = ingress.getSpec().getRules().get(1).getHttp().getPaths().get(0);
    assertThat(work.getPath()).isEqualTo("/work");
    assertThat(work.getBackend().getService().getName()).isEqualTo("worker-v1");
    assertThat(work.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
    assertThat(ingress.getSpec().getDefaultBackend().getService().getName()).isEqualTo("default-v1");

    assertThat(unexpressed).containsExactly(
        "dispatch rule \"shop.example.com/work/*\" -> worker: the Ingress's Prefix /work also matches /work itself,"
            + " which App Engine's /work/* does not",
        "dispatch rule \"*.example.com/jobs/*\" -> jobs: the Ingress's host *.example.com matches one label only,"
            + " where App Engine's also matches deeper subdomains",
        "dispatch rule \"*.example.com/jobs/*\" -> jobs: the Ingress's Prefix /jobs also matches /jobs itself, which"
            + " App Engine's /jobs/* does not",
        "dispatch rule \"*/api*\" -> worker: an Ingress matches a path prefix by whole segments only, so /api*"
            + " cannot be expressed; left out of the Ingress",
        "dispatch rule \"*/work/late/*\" -> jobs: the Ingress's Prefix /work/late also matches /work/late itself,"
            + " which App Engine's /work/late/* does not",
        "dispatch rule \"*/work/late/*\" -> jobs: App Engine never reaches it, since the earlier rule \"*/*\""
            + " matches first; the Ingress prefers the longer or more exact match and sends such requests to jobs");
  }

  @ParameterizedTest
  @CsvSource({"PT5M, 5m", "PT90M, 1h30m", "PT45S, 45s", "PT1H0M1.5S, 1h2s", "PT0S, 0s"})
  @DisplayName("R-DIST-3: idle_timeout is written as Knative reads durations")
  void goDurations(Duration duration, String text) {
    assertThat(KnativeServices.goDuration(duration)).isEqualTo(text);
  }
}
