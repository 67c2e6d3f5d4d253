package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;

/**
 * A manual version on Kubernetes (R-DIST-2, R-DIST-3): a StatefulSet whose pod ordinals are the instance ids,
 * started in parallel as App Engine starts manual instances, behind a headless Service that gives every pod
 * its DNS name.
 */
final class ManualVersionObjects {

  private ManualVersionObjects() {}

  static StatefulSet statefulSet(String applicationId, VersionConfig version, ManifestWriter.Options options) {
    String name = KubernetesNames.of(version);
    Map<String, String> labels = KubernetesNames.versionLabels(applicationId, version);
    return new StatefulSetBuilder()
        .withNewMetadata().withName(name).withNamespace(options.namespace()).withLabels(labels).endMetadata()
        .withNewSpec()
        .withServiceName(name)
        .withReplicas(((ScalingConfig.Manual) version.scaling()).instances())
        .withPodManagementPolicy("Parallel")
        .withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec()
        .withServiceAccountName(KubernetesNames.app(applicationId, "resident"))
        .withTerminationGracePeriodSeconds(PodTemplates.terminationGraceSeconds(version))
        .withContainers(PodTemplates.container(applicationId, version, options, false))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Service headlessService(String applicationId, VersionConfig version, ManifestWriter.Options options) {
    Map<String, String> labels = KubernetesNames.versionLabels(applicationId, version);
    return new ServiceBuilder()
        .withNewMetadata().withName(KubernetesNames.of(version)).withNamespace(options.namespace())
        .withLabels(labels).endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withSelector(labels)
        .addNewPort().withName("http").withPort(KubernetesNames.PORT).withNewTargetPort("http").endPort()
        .endSpec()
        .build();
  }
}
