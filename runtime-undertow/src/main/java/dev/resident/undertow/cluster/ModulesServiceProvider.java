package dev.resident.undertow.cluster;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;

/**
 * Makes the {@link ModulesService} of a process that runs one instance on a cluster (R-DIST-2). Found with
 * {@link java.util.ServiceLoader}; {@code runtime-kubernetes} provides one, so that this artifact never
 * depends on a cluster client. The launcher uses the first provider that {@link #applies() applies} when it
 * runs with {@code --instance}.
 */
public interface ModulesServiceProvider {

  /**
   * Returns the provider's name, for the log.
   *
   * @return such as {@code kubernetes}
   */
  String name();

  /**
   * Tells whether this process runs where the provider works, such as a Kubernetes pod.
   *
   * @return true to be chosen
   */
  boolean applies();

  /**
   * Opens the cluster's view of the application for this process, such as a client of the API server.
   *
   * @param application the whole application, as every process of it reads it
   * @return the view; the host closes it when it stops
   * @throws IllegalStateException when the cluster cannot be reached or configured, saying why
   */
  ModulesView open(ApplicationConfig application);
}
