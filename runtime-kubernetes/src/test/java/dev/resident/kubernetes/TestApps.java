package dev.resident.kubernetes;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/** The application of the cluster tests and its objects, as the manifests make them. */
final class TestApps {

  static final String NAMESPACE = "test";

  private TestApps() {}

  /** app: default (automatic), worker/v1 (manual, 2), worker/v2 (manual, 1), batch/v1 (basic). */
  static ApplicationConfig application() {
    return ConfigLoader.load(List.of(
        new ConfigSource("app.yaml", "application: shop\nversion: v1\n"),
        new ConfigSource("worker.yaml", """
            application: shop
            module: worker
            version: v1
            manual_scaling:
              instances: 2
            """),
        new ConfigSource("worker-v2.yaml", """
            application: shop
            module: worker
            version: v2
            manual_scaling:
              instances: 1
            """),
        new ConfigSource("batch.yaml", """
            application: shop
            module: batch
            version: v1
            basic_scaling:
              max_instances: 4
            """)), List.of()).application();
  }

  static List<Object> objects(ApplicationConfig application) {
    return List.copyOf(new KubernetesManifests().objects(application,
        new dev.resident.undertow.cluster.ManifestWriter.Options("img", NAMESPACE, List.of("app.yaml")),
        new java.util.ArrayList<>()));
  }

  static StatefulSet statefulSet(ApplicationConfig application, String name) {
    return objects(application).stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
        .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }

  static Service service(ApplicationConfig application, String name) {
    return objects(application).stream().filter(Service.class::isInstance).map(Service.class::cast)
        .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }

  /** A Knative Service as the controller leaves it: ready, with an address and a latest revision. */
  static GenericKubernetesResource knativeService(ApplicationConfig application, String name, String revision) {
    GenericKubernetesResource made = objects(application).stream()
        .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
        .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    made.setAdditionalProperty("status", Map.of("latestReadyRevisionName", revision,
        "address", Map.of("url", "http://" + name + "." + NAMESPACE + ".svc.cluster.local")));
    return made;
  }

  static GenericKubernetesResource revision(String name, int actualReplicas) {
    return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Revision")
        .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
        .addToAdditionalProperties("status", Map.of("actualReplicas", actualReplicas))
        .build();
  }

  static StatefulSet otherApplications(StatefulSet set) {
    return new StatefulSetBuilder(set).editMetadata().addToLabels(KubernetesNames.APP_LABEL, "other").endMetadata()
        .build();
  }

  /** The local service of an instance: only the current module, version and instance. */
  static ModulesService local(String module, String version, String instance) {
    return new ModulesService() {
      @Override
      public String getCurrentModule() {
        return module;
      }

      @Override
      public String getCurrentVersion() {
        return version;
      }

      @Override
      public String getCurrentInstanceId() {
        return instance;
      }

      @Override
      public Set<String> getModules() {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public Set<String> getVersions(String m) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public String getDefaultVersion(String m) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public int getNumInstances(String m, String v) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public void setNumInstances(String m, String v, long n) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public Future<Void> setNumInstancesAsync(String m, String v, long n) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public void startVersion(String m, String v) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public Future<Void> startVersionAsync(String m, String v) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public void stopVersion(String m, String v) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public Future<Void> stopVersionAsync(String m, String v) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public String getVersionHostname(String m, String v) {
        throw new AssertionError("the cluster's service answers this");
      }

      @Override
      public String getInstanceHostname(String m, String v, String i) {
        throw new AssertionError("the cluster's service answers this");
      }
    };
  }
}
