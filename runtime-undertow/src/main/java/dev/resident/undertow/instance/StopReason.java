package dev.resident.undertow.instance;

/** Why an instance shuts down (R-LIFE-4). */
public enum StopReason {
  /** {@code stopVersion}. */
  VERSION_STOPPED,
  /** {@code setNumInstances} with fewer instances. */
  SCALED_DOWN,
  /** No request for {@code idle_timeout} (basic), or an idle automatic instance beyond the minimum. */
  IDLE,
  /** An administrator's shutdown of the instance, or {@code LifecycleManager.beginShutdown}. */
  ADMIN,
  /** The host stops, or the JVM got SIGTERM or SIGINT. */
  HOST_STOPPED,
  /** The instance failed to start and is being replaced. */
  START_FAILED
}
