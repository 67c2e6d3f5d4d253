package dev.resident.api.modules;

/** Gives the {@link ModulesService}. */
public final class ModulesServiceFactory {

  private static final ModulesService CURRENT = new CurrentModulesService();

  private ModulesServiceFactory() {}

  /**
   * Returns the modules service. It may be kept in a field: each call answers for the instance the calling
   * thread belongs to, and throws {@link IllegalStateException} on a thread that belongs to none.
   *
   * @return the modules service
   */
  public static ModulesService getModulesService() {
    return CURRENT;
  }
}
