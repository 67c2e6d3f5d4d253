package dev.resident.undertow.cluster;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ModuleConfig;
import dev.resident.undertow.config.VersionConfig;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a one-instance process's modules service that its configuration answers (R-DIST-1, R-API-3):
 * the current module, version and instance from the process's own instance, module and version names from
 * the whole application, and the resolution of null and unknown names with the messages of the host's own
 * modules service. Subclasses answer counts, changes and host names.
 */
public abstract class ConfiguredModules implements ModulesService {

  private final ApplicationConfig application;
  private final ModulesService local;

  /**
   * @param application the whole application, as configured
   * @param local the modules service of this process's own instance
   */
  protected ConfiguredModules(ApplicationConfig application, ModulesService local) {
    this.application = Objects.requireNonNull(application, "application");
    this.local = Objects.requireNonNull(local, "local");
  }

  @Override
  public String getCurrentModule() {
    return local.getCurrentModule();
  }

  @Override
  public String getCurrentVersion() {
    return local.getCurrentVersion();
  }

  @Override
  public String getCurrentInstanceId() {
    return local.getCurrentInstanceId();
  }

  @Override
  public Set<String> getModules() {
    Set<String> names = new LinkedHashSet<>();
    application.modules().forEach(m -> names.add(m.name()));
    return names;
  }

  @Override
  public Set<String> getVersions(String module) {
    Set<String> names = new LinkedHashSet<>();
    module(module).versions().forEach(v -> names.add(v.version()));
    return names;
  }

  @Override
  public String getDefaultVersion(String module) {
    return module(module).defaultVersion().version();
  }

  /**
   * Returns the whole application's configuration.
   *
   * @return the application
   */
  protected final ApplicationConfig application() {
    return application;
  }

  /**
   * Finds a module; null means the current one.
   *
   * @param module the module name, or null
   * @return the module
   * @throws ModulesException naming the modules there are, when unknown
   */
  protected final ModuleConfig module(String module) {
    String name = module == null ? local.getCurrentModule() : module;
    return application.module(name).orElseThrow(() -> new ModulesException("Unknown module " + name
        + "; modules: " + getModules()));
  }

  /**
   * Finds a version: both null mean the current one; a null version alone, the module's default.
   *
   * @param module the module name, or null
   * @param version the version name, or null
   * @return the version
   * @throws ModulesException naming the versions there are, when unknown
   */
  protected final VersionConfig version(String module, String version) {
    ModuleConfig found = module(module);
    String name = version == null && module == null ? local.getCurrentVersion() : version;
    if (name == null) {
      return found.defaultVersion();
    }
    return found.version(name).orElseThrow(() -> new ModulesException("Unknown module version " + found.name()
        + "/" + name + "; versions of " + found.name() + ": " + getVersions(found.name())));
  }
}
