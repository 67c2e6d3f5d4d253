package com.google.appengine.api.backends;

public interface BackendService {
  String BACKEND_ID_ENV_ATTRIBUTE = "com.google.appengine.backend.id";
  String INSTANCE_ID_ENV_ATTRIBUTE = "com.google.appengine.instance.id";
  String getCurrentBackend();
  int getCurrentInstance();
  String getBackendAddress(String backend);
  String getBackendAddress(String backend, int instance);
}
