package dev.resident.undertow.cluster;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import java.util.concurrent.Future;

/**
 * The modules service of a process that runs one instance with no cluster to ask (R-DIST-1): names and counts
 * come from the whole application's configuration, the current module, version and instance from the
 * process's own instance, and every change or host name is refused, since the other instances are other
 * processes that nothing here can reach.
 */
final class StandaloneInstanceModules extends ConfiguredModules {

  StandaloneInstanceModules(ApplicationConfig application, ModulesService local) {
    super(application, local);
  }

  @Override
  public int getNumInstances(String module, String version) {
    VersionConfig found = version(module, version);
    if (found.scaling() instanceof ScalingConfig.Manual manual) {
      return manual.instances();
    }
    throw new ModulesException("getNumInstances needs manual scaling; " + found.key() + " uses "
        + found.scalingType().yamlName() + " scaling");
  }

  @Override
  public void setNumInstances(String module, String version, long instances) {
    throw refused("setNumInstances", version(module, version));
  }

  @Override
  public Future<Void> setNumInstancesAsync(String module, String version, long instances) {
    throw refused("setNumInstances", version(module, version));
  }

  @Override
  public void startVersion(String module, String version) {
    throw refused("startVersion", version(module, version));
  }

  @Override
  public Future<Void> startVersionAsync(String module, String version) {
    throw refused("startVersion", version(module, version));
  }

  @Override
  public void stopVersion(String module, String version) {
    throw refused("stopVersion", version(module, version));
  }

  @Override
  public Future<Void> stopVersionAsync(String module, String version) {
    throw refused("stopVersion", version(module, version));
  }

  @Override
  public String getVersionHostname(String module, String version) {
    throw refused("getVersionHostname", version(module, version));
  }

  @Override
  public String getInstanceHostname(String module, String version, String instance) {
    throw refused("getInstanceHostname", version(module, version));
  }

  private ModulesException refused(String call, VersionConfig version) {
    return new ModulesException(call + "(" + version.key() + ") needs a cluster: this process runs only "
        + getCurrentModule() + "/" + getCurrentVersion() + " (--instance), and no cluster's modules"
        + " service applies here (runtime-kubernetes inside a pod)");
  }

  @Override
  public String toString() {
    return "standalone-instance-modules(" + application().applicationId() + ")";
  }

  /**
   * Returns the service of a process with no cluster.
   *
   * @param application the whole application
   * @param local the service of the process's own instance
   * @return the service
   */
  static ModulesService of(ApplicationConfig application, ModulesService local) {
    return new StandaloneInstanceModules(application, local);
  }
}
