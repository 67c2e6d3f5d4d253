package dev.resident.undertow.cluster;

import dev.resident.api.modules.ModulesService;

/**
 * The modules service that instance code of a host gets, made from each instance's own local service. The
 * host of a process that runs one instance on a cluster uses one from a {@link ModulesServiceProvider}, and
 * closes it when it stops.
 */
public interface ModulesView extends AutoCloseable {

  /**
   * Returns the service an instance's code gets.
   *
   * @param local the instance's own service, which knows its current module, version and instance
   * @return the service to give the instance's code
   */
  ModulesService of(ModulesService local);

  /** Gives back what the view holds, such as a client's connections; the default holds nothing. */
  @Override
  default void close() {}

  /**
   * Returns the view of a process that runs one instance with no cluster to ask: names and counts from the
   * configuration, every change refused with a message saying why.
   *
   * @param application the whole application
   * @return the view
   */
  static ModulesView standalone(dev.resident.undertow.config.ApplicationConfig application) {
    return local -> StandaloneInstanceModules.of(application, local);
  }
}
