package dev.resident.undertow.instance;

/**
 * Hears the lifecycle of every instance of an application: for operations (admin API, metrics), never for
 * the request path. Callbacks run on the host's threads, must be quick and must not throw.
 */
public interface InstanceListener {

  /**
   * An instance was made and is about to deploy.
   *
   * @param instance the instance, {@link InstanceState#STARTING}
   */
  default void instanceStarting(Instance instance) {}

  /**
   * An instance's start succeeded: it serves.
   *
   * @param instance the instance
   */
  default void instanceServing(Instance instance) {}

  /**
   * An instance's start failed; it stops next.
   *
   * @param instance the instance
   * @param why what failed, such as {@code its start request answered 500}
   */
  default void instanceStartFailed(Instance instance, String why) {}

  /**
   * An instance reached {@link InstanceState#STOPPED}.
   *
   * @param instance the instance
   */
  default void instanceStopped(Instance instance) {}
}
