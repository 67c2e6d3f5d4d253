package com.google.appengine.api.backends;

public final class BackendServiceFactory {
  public static BackendService getBackendService() { return null; }
}
