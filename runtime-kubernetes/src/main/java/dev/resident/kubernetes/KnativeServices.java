package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An automatic or basic version as a Knative Service (R-DIST-3), whose request-driven scaling matches App
 * Engine's: {@code containerConcurrency} is the instance's {@code max_concurrent_requests} (1 when not
 * threadsafe), min and max scale come from the scaling settings, and a basic version's last pod is kept for
 * its {@code idle_timeout} before it scales to zero. Knative's model is not in the fabric8 client, so the
 * object is generic, its container typed and converted.
 */
final class KnativeServices {

  static final String API_VERSION = KubernetesModulesService.KNATIVE_API;
  static final String MIN_SCALE = "autoscaling.knative.dev/min-scale";
  static final String MAX_SCALE = "autoscaling.knative.dev/max-scale";
  static final String RETENTION = "autoscaling.knative.dev/scale-to-zero-pod-retention-period";
  static final String VISIBILITY = "networking.knative.dev/visibility";

  private KnativeServices() {}

  static GenericKubernetesResource service(String applicationId, VersionConfig version,
      ManifestWriter.Options options, KubernetesSerialization serialization) {
    Map<String, String> labels = KubernetesNames.versionLabels(applicationId, version);
    Map<String, String> metadataLabels = new LinkedHashMap<>(labels);
    if (!version.publicAccess()) {
      metadataLabels.put(VISIBILITY, "cluster-local");
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (version.scaling() instanceof ScalingConfig.Automatic auto) {
      annotations.put(MIN_SCALE, Integer.toString(auto.minIdleInstances()));
      annotations.put(MAX_SCALE, Integer.toString(auto.maxInstances()));
    } else {
      ScalingConfig.Basic basic = (ScalingConfig.Basic) version.scaling();
      annotations.put(MIN_SCALE, "0");
      annotations.put(MAX_SCALE, Integer.toString(basic.maxInstances()));
      annotations.put(RETENTION, goDuration(basic.idleTimeout()));
    }
    Map<String, Object> templateSpec = new LinkedHashMap<>();
    templateSpec.put("containerConcurrency", version.maxConcurrentRequests());
    if (version.settings().requestDeadline() != null) {
      templateSpec.put("timeoutSeconds", PodTemplates.seconds(
          version.settings().requestDeadline().plus(version.settings().deadlineGrace())));
    }
    templateSpec.put("serviceAccountName", KubernetesNames.app(applicationId, "resident"));
    templateSpec.put("containers", List.of(serialization.convertValue(
        PodTemplates.container(applicationId, version, options, true), Map.class)));
    Map<String, Object> template = new LinkedHashMap<>();
    Map<String, Object> templateMetadata = new LinkedHashMap<>();
    templateMetadata.put("labels", labels);
    templateMetadata.put("annotations", annotations);
    template.put("metadata", templateMetadata);
    template.put("spec", templateSpec);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind("Service")
        .withNewMetadata().withName(KubernetesNames.of(version)).withNamespace(options.namespace())
        .withLabels(metadataLabels).endMetadata()
        .addToAdditionalProperties("spec", Map.of("template", template))
        .build();
  }

  /** A duration as Knative reads it (Go's syntax): {@code 5m}, {@code 1h30m}, {@code 45s}. */
  static String goDuration(Duration duration) {
    StringBuilder text = new StringBuilder();
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    long seconds = PodTemplates.seconds(Duration.ofSeconds(duration.toSecondsPart(), duration.toNanosPart()));
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (seconds > 0 || text.length() == 0) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
