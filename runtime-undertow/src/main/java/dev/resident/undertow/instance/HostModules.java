package dev.resident.undertow.instance;

import dev.resident.api.modules.ModulesService;

/** Gives the modules service seen from outside any instance, for the host's owner and tests. */
public final class HostModules {

  private HostModules() {}

  /**
   * Returns the modules service of an application seen from its default module's default version, with no
   * current instance.
   *
   * @param application the application
   * @return the modules service
   */
  public static ModulesService of(ApplicationRuntime application) {
    return new LocalModulesService(application, null);
  }

  /**
   * Returns the modules service that an instance's code gets.
   *
   * @param instance the instance
   * @return its modules service, the application's modules view of it when the host has one
   */
  public static ModulesService ofInstance(Instance instance) {
    return instance.versionRuntime().application().modulesService(instance);
  }
}
