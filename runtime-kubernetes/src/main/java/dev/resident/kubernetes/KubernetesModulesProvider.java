package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ModulesServiceProvider;
import dev.resident.undertow.cluster.ModulesView;
import dev.resident.undertow.config.ApplicationConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The modules service of a process in a Kubernetes pod (R-DIST-2), found by the launcher with
 * {@link java.util.ServiceLoader} when it runs with {@code --instance}.
 *
 * <p>It applies when the pod's service-account token is present
 * ({@value #TOKEN}), or when {@code RESIDENT_KUBERNETES} (or the system property
 * {@code resident.kubernetes}) is {@code true}; {@code false} turns it off. The client is configured as
 * fabric8 configures itself: inside a pod from the service account (namespace included), else from
 * {@code kubernetes.*} system properties, {@code KUBERNETES_*} variables or the kubeconfig. The cluster's DNS
 * domain is {@code RESIDENT_CLUSTER_DOMAIN}, default {@code cluster.local}.
 */
public final class KubernetesModulesProvider implements ModulesServiceProvider {

  /** Where a pod's service-account token is mounted. */
  public static final String TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";
  /** Turns the provider on or off whatever the token says. */
  public static final String SWITCH_ENV = "RESIDENT_KUBERNETES";
  /** The same switch as a system property. */
  public static final String SWITCH_PROPERTY = "resident.kubernetes";
  /** The cluster's DNS domain. */
  public static final String DOMAIN_ENV = "RESIDENT_CLUSTER_DOMAIN";

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public boolean applies() {
    String wanted = System.getProperty(SWITCH_PROPERTY, System.getenv(SWITCH_ENV));
    if (wanted != null && !wanted.isBlank()) {
      return Boolean.parseBoolean(wanted.trim().toLowerCase(Locale.ROOT));
    }
    return Files.exists(Path.of(TOKEN));
  }

  @Override
  public ModulesView open(ApplicationConfig application) {
    KubernetesClient client = new KubernetesClientBuilder().build();
    String namespace = client.getNamespace();
    if (namespace == null || namespace.isBlank()) {
      client.close();
      throw new IllegalStateException("The Kubernetes client has no namespace: run in a pod, or set"
          + " kubernetes.namespace / KUBERNETES_NAMESPACE");
    }
    String domain = System.getenv(DOMAIN_ENV);
    return new KubernetesCluster(client, true, namespace,
        domain == null || domain.isBlank() ? KubernetesCluster.DEFAULT_CLUSTER_DOMAIN : domain.trim(), application);
  }
}
