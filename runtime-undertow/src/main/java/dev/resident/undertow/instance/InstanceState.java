package dev.resident.undertow.instance;

/** The states of an instance (R-MOD-5): {@code STOPPED → STARTING → SERVING → STOPPING → STOPPED}. */
public enum InstanceState {
  /** Not running: never started, or stopped. */
  STOPPED,
  /** Deployed and waiting for its start request to answer; requests wait in its queue. */
  STARTING,
  /** Serving requests. */
  SERVING,
  /** Shutting down: new requests get 404, in-flight ones have the shutdown grace. */
  STOPPING
}
