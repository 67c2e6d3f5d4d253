package com.google.appengine.api;

public final class LifecycleManager {
  public static LifecycleManager getInstance() { return null; }
  public boolean isShuttingDown() { return false; }
  public ShutdownHook setShutdownHook(ShutdownHook hook) { return null; }
  public void interruptAllRequests() {}
  public long getRemainingShutdownTime() { return 0; }
  public void beginShutdown(long deadline) {}

  public interface ShutdownHook {
    void shutdown();
  }
}
