package dev.resident.testing;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ScalingType;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The modules service of a {@link ResidentEnvironment} test: one module with one version, the test's own.
 * It answers as a host would and records {@code setNumInstances}, {@code startVersion} and
 * {@code stopVersion}; there is no HTTP, so host names use the domain {@code localhost}. Put a mock in its
 * place with {@link BoundEnvironment#modulesService(ModulesService)} for anything more.
 */
final class EnvironmentModules implements ModulesService {

  private final ResidentEnvironment settings;
  private volatile int instances;
  private volatile boolean started = true;

  EnvironmentModules(ResidentEnvironment settings) {
    this.settings = settings;
    this.instances = settings.instances();
  }

  @Override
  public String getCurrentModule() {
    return settings.module();
  }

  @Override
  public String getCurrentVersion() {
    return settings.version();
  }

  @Override
  public String getCurrentInstanceId() {
    return settings.instance();
  }

  @Override
  public Set<String> getModules() {
    return Set.of(settings.module());
  }

  @Override
  public Set<String> getVersions(String module) {
    checkModule(module);
    return Set.of(settings.version());
  }

  @Override
  public String getDefaultVersion(String module) {
    checkModule(module);
    return settings.version();
  }

  @Override
  public int getNumInstances(String module, String version) {
    check(module, version, "getNumInstances", ScalingType.MANUAL);
    return instances;
  }

  @Override
  public void setNumInstances(String module, String version, long count) {
    check(module, version, "setNumInstances", ScalingType.MANUAL);
    if (count < 1 || count > 200) {
      throw new ModulesException("setNumInstances needs 1 to 200 instances, found " + count);
    }
    instances = (int) count;
  }

  @Override
  public Future<Void> setNumInstancesAsync(String module, String version, long count) {
    setNumInstances(module, version, count);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void startVersion(String module, String version) {
    check(module, version, "startVersion", ScalingType.MANUAL, ScalingType.BASIC);
    started = true;
  }

  @Override
  public Future<Void> startVersionAsync(String module, String version) {
    startVersion(module, version);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void stopVersion(String module, String version) {
    check(module, version, "stopVersion", ScalingType.MANUAL, ScalingType.BASIC);
    started = false;
  }

  @Override
  public Future<Void> stopVersionAsync(String module, String version) {
    stopVersion(module, version);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String getVersionHostname(String module, String version) {
    check(module, version, "getVersionHostname");
    return settings.version() + "." + settings.module() + ".localhost";
  }

  @Override
  public String getInstanceHostname(String module, String version, String instance) {
    check(module, version, "getInstanceHostname", ScalingType.MANUAL, ScalingType.BASIC);
    int id;
    try {
      id = Integer.parseInt(instance);
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 0 || id >= instances) {
      throw new ModulesException("Unknown instance " + instance + " of " + settings.module() + "/"
          + settings.version() + "; instances: 0 to " + (instances - 1));
    }
    return instance + "." + settings.version() + "." + settings.module() + ".localhost";
  }

  boolean started() {
    return started;
  }

  private void checkModule(String module) {
    if (module != null && !module.equals(settings.module())) {
      throw new ModulesException("Unknown module " + module + "; modules: [" + settings.module() + "]");
    }
  }

  private void check(String module, String version, String call, ScalingType... allowed) {
    checkModule(module);
    if (version != null && !version.equals(settings.version())) {
      throw new ModulesException("Unknown module version " + settings.module() + "/" + version
          + "; versions of " + settings.module() + ": [" + settings.version() + "]");
    }
    if (allowed.length == 0) {
      return;
    }
    for (ScalingType type : allowed) {
      if (type == settings.scaling()) {
        return;
      }
    }
    throw new ModulesException(call + " needs " + (allowed.length == 1 ? "manual" : "manual or basic")
        + " scaling; " + settings.module() + "/" + settings.version() + " uses "
        + settings.scaling().yamlName() + " scaling");
  }

  @Override
  public String toString() {
    return "environment-modules(" + settings.module() + "/" + settings.version() + ")";
  }
}
