package dev.resident.api.modules;

import dev.resident.api.spi.RuntimeBinding;
import java.util.Set;
import java.util.concurrent.Future;

/** Passes each call to the modules service of the calling thread's instance. */
final class CurrentModulesService implements ModulesService {

  private static ModulesService current(String call) {
    return RuntimeBinding.require("ModulesService." + call + "()", true).modulesService();
  }

  @Override
  public String getCurrentModule() {
    return current("getCurrentModule").getCurrentModule();
  }

  @Override
  public String getCurrentVersion() {
    return current("getCurrentVersion").getCurrentVersion();
  }

  @Override
  public String getCurrentInstanceId() {
    return current("getCurrentInstanceId").getCurrentInstanceId();
  }

  @Override
  public Set<String> getModules() {
    return current("getModules").getModules();
  }

  @Override
  public Set<String> getVersions(String module) {
    return current("getVersions").getVersions(module);
  }

  @Override
  public String getDefaultVersion(String module) {
    return current("getDefaultVersion").getDefaultVersion(module);
  }

  @Override
  public int getNumInstances(String module, String version) {
    return current("getNumInstances").getNumInstances(module, version);
  }

  @Override
  public void setNumInstances(String module, String version, long instances) {
    current("setNumInstances").setNumInstances(module, version, instances);
  }

  @Override
  public Future<Void> setNumInstancesAsync(String module, String version, long instances) {
    return current("setNumInstancesAsync").setNumInstancesAsync(module, version, instances);
  }

  @Override
  public void startVersion(String module, String version) {
    current("startVersion").startVersion(module, version);
  }

  @Override
  public Future<Void> startVersionAsync(String module, String version) {
    return current("startVersionAsync").startVersionAsync(module, version);
  }

  @Override
  public void stopVersion(String module, String version) {
    current("stopVersion").stopVersion(module, version);
  }

  @Override
  public Future<Void> stopVersionAsync(String module, String version) {
    return current("stopVersionAsync").stopVersionAsync(module, version);
  }

  @Override
  public String getVersionHostname(String module, String version) {
    return current("getVersionHostname").getVersionHostname(module, version);
  }

  @Override
  public String getInstanceHostname(String module, String version, String instance) {
    return current("getInstanceHostname").getInstanceHostname(module, version, instance);
  }

  @Override
  public String toString() {
    return "modules-service(current instance)";
  }
}
