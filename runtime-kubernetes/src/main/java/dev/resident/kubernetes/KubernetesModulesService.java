package dev.resident.kubernetes;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.cluster.ConfiguredModules;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The modules service of one instance's code on Kubernetes (R-DIST-2). The current module, version and
 * instance are the process's own; module and version names come from the application's files, which every
 * process of it reads; counts, changes and host names go to the cluster: a manual version is a StatefulSet
 * behind a headless Service, an automatic or basic version a Knative Service.
 *
 * <ul>
 *   <li>{@code getNumInstances}: a StatefulSet's {@code spec.replicas} (a stopped one's remembered count); a
 *       Knative Service's latest ready revision's {@code status.actualReplicas}.
 *   <li>{@code setNumInstances}: the StatefulSet's scale subresource; refused on automatic and basic scaling,
 *       as on App Engine. On a stopped version it changes the remembered count.
 *   <li>{@code stopVersion}: {@code spec.replicas} to 0, the count kept in the annotation
 *       {@value KubernetesNames#STOPPED_COUNT}; {@code startVersion}: back to that count.
 *   <li>host names: the headless Service's cluster DNS names with its port; the Knative Service's
 *       {@code status.address}.
 * </ul>
 *
 * <p>Changes are done when the API server has accepted them; the {@code …Async} forms complete then. Any error
 * of the API server is a {@link ModulesException} with its status code and message. Only StatefulSets labelled
 * with this application's id are changed.
 */
final class KubernetesModulesService extends ConfiguredModules {

  static final String KNATIVE_API = "serving.knative.dev/v1";
  /** Knative's Service, named without asking the API server's discovery. */
  static final ResourceDefinitionContext KNATIVE_SERVICE = knative("Service", "services");
  static final ResourceDefinitionContext KNATIVE_REVISION = knative("Revision", "revisions");

  private final KubernetesCluster cluster;

  KubernetesModulesService(KubernetesCluster cluster, ModulesService local) {
    super(cluster.application(), local);
    this.cluster = cluster;
  }

  @Override
  public int getNumInstances(String module, String version) {
    VersionConfig found = version(module, version);
    String what = "getNumInstances(" + found.key() + ")";
    if (found.scalingType() == ScalingType.MANUAL) {
      StatefulSet set = statefulSet(what, found);
      int replicas = replicas(set);
      Integer remembered = remembered(set);
      return replicas == 0 && remembered != null ? remembered : replicas;
    }
    GenericKubernetesResource service = knativeService(what, found);
    Object revision = path(service, "status", "latestReadyRevisionName");
    if (revision == null) {
      return 0;
    }
    GenericKubernetesResource ready = ClusterErrors.call(what, () -> cluster.client()
        .genericKubernetesResources(KNATIVE_REVISION).inNamespace(cluster.namespace())
        .withName(revision.toString()).get());
    Object actual = ready == null ? null : path(ready, "status", "actualReplicas");
    return actual instanceof Number n ? n.intValue() : 0;
  }

  @Override
  public void setNumInstances(String module, String version, long instances) {
    VersionConfig found = manualForSet(module, version, instances);
    setNumInstances(found, (int) instances);
  }

  @Override
  public Future<Void> setNumInstancesAsync(String module, String version, long instances) {
    VersionConfig found = manualForSet(module, version, instances);
    return async(() -> setNumInstances(found, (int) instances));
  }

  private VersionConfig manualForSet(String module, String version, long instances) {
    VersionConfig found = version(module, version);
    if (found.scalingType() != ScalingType.MANUAL) {
      throw new ModulesException("setNumInstances needs manual scaling; " + found.key() + " uses "
          + found.scalingType().yamlName() + " scaling (on Kubernetes a Knative Service, which scales by load)");
    }
    if (instances < 1 || instances > 200) {
      throw new ModulesException("setNumInstances needs 1 to 200 instances, found " + instances);
    }
    return found;
  }

  private void setNumInstances(VersionConfig version, int count) {
    String what = "setNumInstances(" + version.key() + ", " + count + ")";
    StatefulSet set = statefulSet(what, version);
    if (replicas(set) == 0 && remembered(set) != null) {
      ClusterErrors.call(what, () -> statefulSets(version).edit(s -> new StatefulSetBuilder(s)
          .editMetadata().addToAnnotations(KubernetesNames.STOPPED_COUNT, Integer.toString(count)).endMetadata()
          .build()));
      return;
    }
    ClusterErrors.call(what, () -> statefulSets(version).scale(count));
  }

  @Override
  public void startVersion(String module, String version) {
    VersionConfig found = manualForStartStop("startVersion", module, version);
    start(found);
  }

  @Override
  public Future<Void> startVersionAsync(String module, String version) {
    VersionConfig found = manualForStartStop("startVersion", module, version);
    return async(() -> start(found));
  }

  @Override
  public void stopVersion(String module, String version) {
    VersionConfig found = manualForStartStop("stopVersion", module, version);
    stop(found);
  }

  @Override
  public Future<Void> stopVersionAsync(String module, String version) {
    VersionConfig found = manualForStartStop("stopVersion", module, version);
    return async(() -> stop(found));
  }

  private VersionConfig manualForStartStop(String call, String module, String version) {
    VersionConfig found = version(module, version);
    switch (found.scalingType()) {
      case MANUAL -> {
        return found;
      }
      case BASIC -> throw new ModulesException(call + "(" + found.key() + "): a basic version runs on Kubernetes as"
          + " a Knative Service, which cannot be held at zero instances; only manual versions (StatefulSets) are"
          + " started and stopped there");
      default -> throw new ModulesException(call + " needs manual or basic scaling; " + found.key() + " uses "
          + found.scalingType().yamlName() + " scaling");
    }
  }

  private void start(VersionConfig version) {
    String what = "startVersion(" + version.key() + ")";
    StatefulSet set = statefulSet(what, version);
    if (replicas(set) > 0) {
      return;
    }
    Integer remembered = remembered(set);
    int count = remembered != null ? remembered : ((ScalingConfig.Manual) version.scaling()).instances();
    ClusterErrors.call(what, () -> statefulSets(version).edit(s -> new StatefulSetBuilder(s)
        .editMetadata().removeFromAnnotations(KubernetesNames.STOPPED_COUNT).endMetadata()
        .editSpec().withReplicas(count).endSpec()
        .build()));
  }

  private void stop(VersionConfig version) {
    String what = "stopVersion(" + version.key() + ")";
    StatefulSet set = statefulSet(what, version);
    int replicas = replicas(set);
    if (replicas == 0) {
      return;
    }
    ClusterErrors.call(what, () -> statefulSets(version).edit(s -> new StatefulSetBuilder(s)
        .editMetadata().addToAnnotations(KubernetesNames.STOPPED_COUNT, Integer.toString(replicas)).endMetadata()
        .editSpec().withReplicas(0).endSpec()
        .build()));
  }

  @Override
  public String getVersionHostname(String module, String version) {
    VersionConfig found = version(module, version);
    String what = "getVersionHostname(" + found.key() + ")";
    if (found.scalingType() == ScalingType.MANUAL) {
      Service service = headlessService(what, found);
      return service.getMetadata().getName() + "." + cluster.namespace() + ".svc." + cluster.clusterDomain()
          + ":" + servicePort(service);
    }
    GenericKubernetesResource service = knativeService(what, found);
    Object url = path(service, "status", "address", "url");
    if (url == null) {
      throw new ModulesException(what + ": the Knative Service " + KubernetesNames.of(found) + " in namespace "
          + cluster.namespace() + " has no status.address yet; it is not ready");
    }
    URI address = URI.create(url.toString());
    return address.getPort() < 0 ? address.getHost() : address.getHost() + ":" + address.getPort();
  }

  @Override
  public String getInstanceHostname(String module, String version, String instance) {
    VersionConfig found = version(module, version);
    String what = "getInstanceHostname(" + found.key() + ", " + instance + ")";
    if (found.scalingType() != ScalingType.MANUAL) {
      throw new ModulesException(what + ": only manual instances have host names on Kubernetes (a StatefulSet's"
          + " pods); " + found.key() + " uses " + found.scalingType().yamlName() + " scaling, a Knative Service"
          + " whose pods are not addressed one by one");
    }
    StatefulSet set = statefulSet(what, found);
    int replicas = replicas(set);
    if (instance == null || !instance.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(instance) >= replicas) {
      throw new ModulesException("Unknown instance " + instance + " of " + found.key() + "; instances: "
          + (replicas == 0 ? "none (the version is stopped)" : "0 to " + (replicas - 1)));
    }
    Service service = headlessService(what, found);
    String name = service.getMetadata().getName();
    return set.getMetadata().getName() + "-" + instance + "." + name + "." + cluster.namespace() + ".svc."
        + cluster.clusterDomain() + ":" + servicePort(service);
  }

  private RollableScalableResource<StatefulSet> statefulSets(VersionConfig version) {
    return cluster.client().apps().statefulSets().inNamespace(cluster.namespace())
        .withName(KubernetesNames.of(version));
  }

  private StatefulSet statefulSet(String what, VersionConfig version) {
    StatefulSet set = ClusterErrors.call(what, () -> statefulSets(version).get());
    return owned(what, "StatefulSet", set, version);
  }

  private Service headlessService(String what, VersionConfig version) {
    Service service = ClusterErrors.call(what, () -> cluster.client().services().inNamespace(cluster.namespace())
        .withName(KubernetesNames.of(version)).get());
    return owned(what, "Service", service, version);
  }

  private GenericKubernetesResource knativeService(String what, VersionConfig version) {
    GenericKubernetesResource service = ClusterErrors.call(what, () -> cluster.client()
        .genericKubernetesResources(KNATIVE_SERVICE).inNamespace(cluster.namespace())
        .withName(KubernetesNames.of(version)).get());
    return owned(what, "Knative Service", service, version);
  }

  /** An object of the version, labelled as this application's; anything else is not touched. */
  private <T extends HasMetadata> T owned(String what, String kind, T object, VersionConfig version) {
    String name = KubernetesNames.of(version);
    if (object == null) {
      throw new ModulesException(what + ": no " + kind + " " + name + " in namespace " + cluster.namespace()
          + " (the Kubernetes API server answered 404 Not Found); apply the manifests of --kubernetes-manifests");
    }
    Map<String, String> labels = object.getMetadata().getLabels();
    Map<String, String> wanted = KubernetesNames.versionLabels(cluster.application().applicationId(), version);
    for (Map.Entry<String, String> label : wanted.entrySet()) {
      String actual = labels == null ? null : labels.get(label.getKey());
      if (!label.getValue().equals(actual)) {
        throw new ModulesException(what + ": the " + kind + " " + name + " in namespace " + cluster.namespace()
            + " is not " + version.key() + " of application " + cluster.application().applicationId() + " (label "
            + label.getKey() + " is " + (actual == null ? "missing" : "\"" + actual + "\"") + "); this process"
            + " changes only its own application's objects");
      }
    }
    return object;
  }

  private static int replicas(StatefulSet set) {
    Integer replicas = set.getSpec() == null ? null : set.getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  private static Integer remembered(StatefulSet set) {
    Map<String, String> annotations = set.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(KubernetesNames.STOPPED_COUNT);
    if (value == null || !value.matches("[0-9]{1,3}")) {
      return null;
    }
    return Integer.parseInt(value);
  }

  private static int servicePort(Service service) {
    return service.getSpec() == null || service.getSpec().getPorts() == null || service.getSpec().getPorts().isEmpty()
        ? KubernetesNames.PORT
        : service.getSpec().getPorts().get(0).getPort();
  }

  private static Object path(GenericKubernetesResource resource, String... keys) {
    Object at = resource.getAdditionalProperties();
    for (String key : keys) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = map.get(key);
    }
    return at;
  }

  private static ResourceDefinitionContext knative(String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup("serving.knative.dev").withVersion("v1").withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  private Future<Void> async(Runnable change) {
    return CompletableFuture.runAsync(change, cluster.async());
  }

  @Override
  public String toString() {
    return "kubernetes-modules-service(" + cluster + ")";
  }
}
