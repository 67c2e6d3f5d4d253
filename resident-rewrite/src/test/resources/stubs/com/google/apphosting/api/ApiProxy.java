package com.google.apphosting.api;

import java.util.Map;

public class ApiProxy {
  public static Environment getCurrentEnvironment() { return null; }

  public interface Environment {
    String getAppId();
    String getModuleId();
    String getVersionId();
    String getEmail();
    boolean isLoggedIn();
    boolean isAdmin();
    String getAuthDomain();
    Map<String, Object> getAttributes();
    long getRemainingMillis();
  }
}
