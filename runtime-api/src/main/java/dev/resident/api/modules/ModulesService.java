package dev.resident.api.modules;

import java.util.Set;
import java.util.concurrent.Future;

/**
 * The modules, versions and instances of the application, their addresses, and control over their
 * instances.
 *
 * <p>Wherever a module or version argument is null, the current module or version is meant. Every failure
 * for an unknown module, version or instance, or for an operation the scaling type does not allow, is a
 * {@link ModulesException}.
 */
public interface ModulesService {

  /**
   * Returns the module of the calling code.
   *
   * @return the current module's name
   */
  String getCurrentModule();

  /**
   * Returns the version of the calling code.
   *
   * @return the current version's name
   */
  String getCurrentVersion();

  /**
   * Returns the instance id of the calling code. Unlike App Engine, never throws on automatic scaling.
   *
   * @return {@code "0"}, {@code "1"}, … on manual and basic scaling; a hexadecimal id on automatic scaling
   */
  String getCurrentInstanceId();

  /**
   * Returns every module of the application.
   *
   * @return module names, {@code default} included
   */
  Set<String> getModules();

  /**
   * Returns the versions of a module.
   *
   * @param module the module, or null for the current one
   * @return version names
   * @throws ModulesException if the module is unknown
   */
  Set<String> getVersions(String module);

  /**
   * Returns the default version of a module: the version that serves requests that name none.
   *
   * @param module the module, or null for the current one
   * @return the default version's name
   * @throws ModulesException if the module is unknown
   */
  String getDefaultVersion(String module);

  /**
   * Returns how many instances a manual-scaling version is set to run.
   *
   * @param module the module, or null for the current one
   * @param version the version, or null for the current one
   * @return the configured number of instances
   * @throws ModulesException if the module or version is unknown, or does not use manual scaling
   */
  int getNumInstances(String module, String version);

  /**
   * Sets how many instances a manual-scaling version runs, and waits until the change is done: new
   * instances have answered their start request, removed ones have stopped.
   *
   * @param module the module, or null for the current one
   * @param version the version, or null for the current one
   * @param instances the new number of instances, from 1 to 200
   * @throws ModulesException if the module or version is unknown, does not use manual scaling, or the
   *     number is out of range
   */
  void setNumInstances(String module, String version, long instances);

  /**
   * Starts {@link #setNumInstances(String, String, long)} and returns at once.
   *
   * @param module the module, or null for the current one
   * @param version the version, or null for the current one
   * @param instances the new number of instances, from 1 to 200
   * @return a future that completes when the change is done, or fails with a {@link ModulesException}
   */
  Future<Void> setNumInstancesAsync(String module, String version, long instances);

  /**
   * Starts every instance of a manual or basic scaling version, and waits until it is started. Starting a
   * started version does nothing.
   *
   * @param module the module
   * @param version the version
   * @throws ModulesException if the module or version is unknown, or uses automatic scaling
   */
  void startVersion(String module, String version);

  /**
   * Starts {@link #startVersion(String, String)} and returns at once.
   *
   * @param module the module
   * @param version the version
   * @return a future that completes when the version is started, or fails with a {@link ModulesException}
   */
  Future<Void> startVersionAsync(String module, String version);

  /**
   * Stops every instance of a manual or basic scaling version, each through the full shutdown sequence, and
   * waits until they are stopped. Stopping a stopped version does nothing.
   *
   * @param module the module
   * @param version the version
   * @throws ModulesException if the module or version is unknown, or uses automatic scaling
   */
  void stopVersion(String module, String version);

  /**
   * Starts {@link #stopVersion(String, String)} and returns at once.
   *
   * @param module the module
   * @param version the version
   * @return a future that completes when the version is stopped, or fails with a {@link ModulesException}
   */
  Future<Void> stopVersionAsync(String module, String version);

  /**
   * Returns a host name that reaches a version with any HTTP client on this machine.
   *
   * @param module the module, or null for the current one
   * @param version the version, or null for the current one
   * @return {@code localhost:<port>}, or {@code <version>.<module>.<domain>} when a domain is configured
   * @throws ModulesException if the module or version is unknown
   */
  String getVersionHostname(String module, String version);

  /**
   * Returns a host name that reaches one instance of a manual or basic scaling version.
   *
   * @param module the module, or null for the current one
   * @param version the version, or null for the current one
   * @param instance the instance id, such as {@code "0"}
   * @return {@code localhost:<port>}, or {@code <instance>.<version>.<module>.<domain>} when a domain is
   *     configured
   * @throws ModulesException if the module, version or instance is unknown, or the version uses automatic
   *     scaling
   */
  String getInstanceHostname(String module, String version, String instance);
}
