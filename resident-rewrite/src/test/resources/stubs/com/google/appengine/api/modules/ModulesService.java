package com.google.appengine.api.modules;

import java.util.Set;
import java.util.concurrent.Future;

public interface ModulesService {
  String getCurrentModule();
  String getCurrentVersion();
  String getCurrentInstanceId();
  Set<String> getModules();
  Set<String> getVersions(String module);
  String getDefaultVersion(String module);
  int getNumInstances(String module, String version);
  void setNumInstances(String module, String version, long instances);
  Future<Void> setNumInstancesAsync(String module, String version, long instances);
  void startVersion(String module, String version);
  Future<Void> startVersionAsync(String module, String version);
  void stopVersion(String module, String version);
  Future<Void> stopVersionAsync(String module, String version);
  String getVersionHostname(String module, String version);
  String getInstanceHostname(String module, String version, String instance);
}
