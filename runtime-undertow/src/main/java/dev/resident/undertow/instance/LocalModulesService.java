package dev.resident.undertow.instance;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ScalingType;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The modules service as seen from one instance (R-API-3, R-API-4): real changes to real instances, host
 * names any HTTP client on the machine can use, and a {@link ModulesException} naming what exists for
 * every bad argument.
 */
final class LocalModulesService implements ModulesService {

  /** How long a synchronous start waits: start requests are sent once the instances are deployed. */
  private static final Duration START_BOUND = Duration.ofMinutes(10);
  /** How much longer than the shutdown grace a synchronous stop waits. */
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(30);

  private final ApplicationRuntime application;
  private final Instance current;

  /** The module and version that null arguments mean: the caller's, or the default ones outside. */
  private Place here() {
    if (current != null) {
      return new Place(current.version().module(), current.version().version());
    }
    return new Place(ApplicationConfig.DEFAULT_MODULE, application.defaultVersion().config().version());
  }

  private record Place(String module, String version) {}

  LocalModulesService(ApplicationRuntime application, Instance current) {
    this.application = application;
    this.current = current;
  }

  @Override
  public String getCurrentModule() {
    return here().module();
  }

  @Override
  public String getCurrentVersion() {
    return here().version();
  }

  @Override
  public String getCurrentInstanceId() {
    if (current == null) {
      throw new IllegalStateException("getCurrentInstanceId() needs code of an instance; this modules"
          + " service belongs to the host, outside every instance");
    }
    return current.id();
  }

  @Override
  public Set<String> getModules() {
    return new LinkedHashSet<>(application.moduleNames());
  }

  @Override
  public Set<String> getVersions(String module) {
    return new LinkedHashSet<>(application.versionNames(moduleOrCurrent(module)));
  }

  @Override
  public String getDefaultVersion(String module) {
    return application.version(moduleOrCurrent(module), null).config().version();
  }

  @Override
  public int getNumInstances(String module, String version) {
    VersionRuntime found = find(module, version);
    requireScaling(found, "getNumInstances", ScalingType.MANUAL);
    return found.numInstances();
  }

  @Override
  public void setNumInstances(String module, String version, long instances) {
    VersionRuntime found = find(module, version);
    await(waitFor(found, numInstances(found, instances)), stopBound(found));
  }

  @Override
  public Future<Void> setNumInstancesAsync(String module, String version, long instances) {
    return numInstances(find(module, version), instances).done();
  }

  private static VersionRuntime.Change numInstances(VersionRuntime found, long instances) {
    requireScaling(found, "setNumInstances", ScalingType.MANUAL);
    if (instances < 1 || instances > 200) {
      throw new ModulesException("setNumInstances needs 1 to 200 instances, found " + instances);
    }
    return found.setNumInstances((int) instances);
  }

  @Override
  public void startVersion(String module, String version) {
    await(startVersionAsync(module, version), START_BOUND);
  }

  @Override
  public Future<Void> startVersionAsync(String module, String version) {
    VersionRuntime found = find(module, version);
    requireScaling(found, "startVersion", ScalingType.MANUAL, ScalingType.BASIC);
    return found.start();
  }

  @Override
  public void stopVersion(String module, String version) {
    VersionRuntime found = find(module, version);
    await(waitFor(found, stop(found)), stopBound(found));
  }

  @Override
  public Future<Void> stopVersionAsync(String module, String version) {
    return stop(find(module, version)).done();
  }

  private static VersionRuntime.Change stop(VersionRuntime found) {
    requireScaling(found, "stopVersion", ScalingType.MANUAL, ScalingType.BASIC);
    return found.stop(StopReason.VERSION_STOPPED);
  }

  /**
   * What a synchronous call waits for: the whole change, except when the caller is code of the version it
   * changes, whose own request would then wait for itself until the grace ends; that caller waits until
   * the change has begun.
   */
  private Future<Void> waitFor(VersionRuntime found, VersionRuntime.Change change) {
    return found.owns(current) ? change.begun() : change.done();
  }

  /** A stop waits for in-flight requests and hooks, at most for the shutdown grace. */
  private static Duration stopBound(VersionRuntime found) {
    return found.config().settings().shutdownGrace().plus(WAIT_MARGIN);
  }

  @Override
  public String getVersionHostname(String module, String version) {
    VersionRuntime found = find(module, version);
    String domain = application.host().domain();
    if (domain == null) {
      return "localhost:" + found.port();
    }
    return found.config().version() + "." + found.config().module() + "." + domain;
  }

  @Override
  public String getInstanceHostname(String module, String version, String instance) {
    VersionRuntime found = find(module, version);
    requireScaling(found, "getInstanceHostname", ScalingType.MANUAL, ScalingType.BASIC);
    InstanceSlot slot = instance == null ? null : found.slot(instance);
    if (slot == null) {
      throw new ModulesException("Unknown instance " + instance + " of " + found.config().key()
          + "; instances: 0 to " + (found.numInstances() - 1));
    }
    String domain = application.host().domain();
    if (domain == null) {
      return "localhost:" + slot.port();
    }
    return instance + "." + found.config().version() + "." + found.config().module() + "." + domain;
  }

  private String moduleOrCurrent(String module) {
    return module == null ? here().module() : module;
  }

  private VersionRuntime find(String module, String version) {
    String moduleName = moduleOrCurrent(module);
    String versionName = version == null && module == null ? here().version() : version;
    return application.version(moduleName, versionName);
  }

  private static void requireScaling(VersionRuntime version, String call, ScalingType... allowed) {
    ScalingType actual = version.config().scalingType();
    for (ScalingType type : allowed) {
      if (type == actual) {
        return;
      }
    }
    StringBuilder names = new StringBuilder();
    for (ScalingType type : allowed) {
      names.append(names.length() == 0 ? "" : " or ").append(type.yamlName());
    }
    throw new ModulesException(call + " needs " + names + " scaling; " + version.config().key() + " uses "
        + actual.yamlName() + " scaling");
  }

  private static void await(Future<Void> change, Duration bound) {
    try {
      change.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModulesException("Interrupted while waiting for the change", e);
    } catch (TimeoutException e) {
      throw new ModulesException("The change did not complete within " + bound + "; it goes on", e);
    } catch (ExecutionException | CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ModulesException modules) {
        throw modules;
      }
      throw new ModulesException("The change failed: " + cause, cause);
    }
  }

  @Override
  public String toString() {
    return "modules-service(" + current + ")";
  }
}
