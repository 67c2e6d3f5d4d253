package dev.resident.kubernetes;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.cluster.ModulesView;
import dev.resident.undertow.config.ApplicationConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One process's view of its application on a Kubernetes cluster: the client, the namespace, and the thread
 * that runs the {@code …Async} calls. Each instance's code gets a {@link KubernetesModulesService} made from
 * its own local service.
 */
public final class KubernetesCluster implements ModulesView {

  /** The cluster's DNS domain when {@code RESIDENT_CLUSTER_DOMAIN} does not say otherwise. */
  public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

  private final KubernetesClient client;
  private final boolean ownsClient;
  private final String namespace;
  private final String clusterDomain;
  private final ApplicationConfig application;
  private final ExecutorService async;

  /**
   * Makes the view.
   *
   * @param client the client of the API server
   * @param ownsClient whether {@link #close()} closes the client
   * @param namespace the namespace of the application's objects
   * @param clusterDomain the cluster's DNS domain, such as {@code cluster.local}
   * @param application the whole application
   */
  public KubernetesCluster(KubernetesClient client, boolean ownsClient, String namespace, String clusterDomain,
      ApplicationConfig application) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.clusterDomain = Objects.requireNonNull(clusterDomain, "clusterDomain");
    this.application = Objects.requireNonNull(application, "application");
    AtomicInteger threads = new AtomicInteger();
    this.async = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "resident-kubernetes-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public ModulesService of(ModulesService local) {
    return new KubernetesModulesService(this, local);
  }

  KubernetesClient client() {
    return client;
  }

  String namespace() {
    return namespace;
  }

  String clusterDomain() {
    return clusterDomain;
  }

  ApplicationConfig application() {
    return application;
  }

  ExecutorService async() {
    return async;
  }

  /** Stops the async thread and, if owned, closes the client. */
  @Override
  public void close() {
    async.shutdownNow();
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "kubernetes-cluster(" + application.applicationId() + " in " + namespace + ")";
  }
}
