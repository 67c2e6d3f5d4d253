package dev.resident.undertow.cluster;

import dev.resident.undertow.config.ApplicationConfig;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/** Chooses the modules view of a process that runs one instance (R-DIST-2). */
public final class ModulesViews {

  private ModulesViews() {}

  /**
   * Returns the view of the first {@link ModulesServiceProvider} on the class path that applies here, else
   * the standalone view.
   *
   * @param application the whole application
   * @param loader where providers are looked for
   * @param log receives one line saying which view was chosen
   * @return the view
   */
  public static ModulesView choose(ApplicationConfig application, ClassLoader loader, Consumer<String> log) {
    for (ModulesServiceProvider provider : ServiceLoader.load(ModulesServiceProvider.class, loader)) {
      if (provider.applies()) {
        log.accept("ModulesService: " + provider.name() + " (" + provider.getClass().getName() + ")");
        return provider.open(application);
      }
    }
    log.accept("ModulesService: standalone; no cluster provider applies here, so changes to versions are refused");
    return ModulesView.standalone(application);
  }
}
