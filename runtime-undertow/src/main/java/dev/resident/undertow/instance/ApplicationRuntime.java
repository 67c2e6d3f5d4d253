package dev.resident.undertow.instance;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ModuleConfig;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.deployment.DeploymentPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Every running module version of one application, found by module and version name. */
public final class ApplicationRuntime {

  private final ApplicationConfig config;
  private final HostServices host;
  private final Map<String, Map<String, VersionRuntime>> modules = new LinkedHashMap<>();
  private final BiPredicate<VersionConfig, Integer> runsSlot;
  private final UnaryOperator<ModulesService> modulesView;
  private volatile InstanceView lastView;
  private final InstanceListeners listeners = new InstanceListeners();
  private volatile boolean running;

  /**
   * Makes the runtime of every version; nothing listens or runs until {@link #open()} and {@link #start()}.
   *
   * @param config the application
   * @param host what the instances share
   * @param plans the deployment plan of each version
   */
  public ApplicationRuntime(
      ApplicationConfig config, HostServices host, Function<VersionConfig, DeploymentPlan> plans) {
    this(config, host, plans, (version, index) -> true, null);
  }

  /**
   * Makes the runtime of a process that runs some slots only, such as one instance of a cluster (R-DIST-1).
   *
   * @param config the application
   * @param host what the instances share
   * @param plans the deployment plan of each version
   * @param runsSlot which slots of a manual or basic version the host runs, by version and index
   * @param modulesView makes the modules service instance code gets from the instance's own; null for the
   *     instance's own
   */
  public ApplicationRuntime(ApplicationConfig config, HostServices host, Function<VersionConfig, DeploymentPlan> plans,
      BiPredicate<VersionConfig, Integer> runsSlot, UnaryOperator<ModulesService> modulesView) {
    this.config = config;
    this.host = host;
    this.runsSlot = runsSlot;
    this.modulesView = modulesView;
    for (ModuleConfig module : config.modules()) {
      Map<String, VersionRuntime> versions = new LinkedHashMap<>();
      for (VersionConfig version : module.versions()) {
        versions.put(version.version(), new VersionRuntime(this, version, plans.apply(version)));
      }
      modules.put(module.name(), versions);
    }
  }

  /** Opens the port of every version and every manual and basic instance. */
  public void open() {
    for (VersionRuntime version : versions()) {
      version.open();
    }
  }

  /**
   * Starts every version.
   *
   * @return completes once every manual instance has been sent its start request
   */
  public CompletableFuture<Void> start() {
    running = true;
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (VersionRuntime version : versions()) {
      sent.add(version.start());
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
  }

  /**
   * Stops every instance of every version gracefully.
   *
   * @return completes when every instance has stopped
   */
  public CompletableFuture<Void> stop() {
    running = false;
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (VersionRuntime version : versions()) {
      stops.add(version.stop(StopReason.HOST_STOPPED).done());
    }
    return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
  }

  /** Closes every port. */
  public void close() {
    for (VersionRuntime version : versions()) {
      version.close();
    }
  }

  /**
   * Tells whether the application runs: started and not stopping.
   *
   * @return true between {@link #start()} and {@link #stop()}
   */
  public boolean running() {
    return running;
  }

  /**
   * Returns the configuration.
   *
   * @return the application's configuration
   */
  public ApplicationConfig config() {
    return config;
  }

  /**
   * Returns every version, modules in order, each module's default version first.
   *
   * @return the versions
   */
  public List<VersionRuntime> versions() {
    List<VersionRuntime> all = new ArrayList<>();
    modules.values().forEach(versions -> all.addAll(versions.values()));
    return all;
  }

  /**
   * Returns the module names.
   *
   * @return module names, {@code default} first
   */
  public List<String> moduleNames() {
    return List.copyOf(modules.keySet());
  }

  /**
   * Returns the version names of a module.
   *
   * @param module the module
   * @return version names, the default first
   * @throws ModulesException if the module is unknown
   */
  public List<String> versionNames(String module) {
    return List.copyOf(versionsOf(module).keySet());
  }

  /**
   * Finds a version.
   *
   * @param module the module
   * @param version the version, or null for the module's default version
   * @return the version
   * @throws ModulesException if the module or version is unknown, naming what exists
   */
  public VersionRuntime version(String module, String version) {
    Map<String, VersionRuntime> versions = versionsOf(module);
    if (version == null) {
      return versions.values().iterator().next();
    }
    VersionRuntime found = versions.get(version);
    if (found == null) {
      throw new ModulesException("Unknown module version " + module + "/" + version + "; versions of "
          + module + ": " + versions.keySet());
    }
    return found;
  }

  /**
   * Finds a version, or null; for routing, where unknown names fall back to the default module.
   *
   * @param module the module
   * @param version the version, or null for the default version
   * @return the version or null
   */
  public VersionRuntime findVersion(String module, String version) {
    Map<String, VersionRuntime> versions = modules.get(module);
    if (versions == null) {
      return null;
    }
    return version == null ? versions.values().iterator().next() : versions.get(version);
  }

  /**
   * Returns the default version of the default module.
   *
   * @return the version that serves requests no rule routes elsewhere
   */
  public VersionRuntime defaultVersion() {
    return version(ApplicationConfig.DEFAULT_MODULE, null);
  }

  private Map<String, VersionRuntime> versionsOf(String module) {
    Map<String, VersionRuntime> versions = modules.get(module);
    if (versions == null) {
      throw new ModulesException("Unknown module " + module + "; modules: " + modules.keySet());
    }
    return versions;
  }

  /**
   * Adds a listener of every instance's lifecycle, from now on.
   *
   * @param listener the listener
   */
  public void addListener(InstanceListener listener) {
    listeners.add(listener);
  }

  /**
   * Removes a listener added with {@link #addListener}.
   *
   * @param listener the listener
   */
  public void removeListener(InstanceListener listener) {
    listeners.remove(listener);
  }

  InstanceListeners listeners() {
    return listeners;
  }

  HostServices host() {
    return host;
  }

  boolean runsSlot(VersionConfig version, int index) {
    return runsSlot.test(version, index);
  }

  /** The modules service code of an instance gets; the view's service is made once per instance run. */
  ModulesService modulesService(Instance instance) {
    if (modulesView == null) {
      return instance.modulesService();
    }
    InstanceView last = lastView;
    if (last != null && last.instance() == instance) {
      return last.service();
    }
    ModulesService service = modulesView.apply(instance.modulesService());
    lastView = new InstanceView(instance, service);
    return service;
  }

  private record InstanceView(Instance instance, ModulesService service) {}

  @Override
  public String toString() {
    return "application " + config.applicationId() + " " + modules.keySet();
  }
}
