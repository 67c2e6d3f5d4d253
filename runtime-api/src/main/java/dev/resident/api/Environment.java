package dev.resident.api;

import dev.resident.api.spi.RuntimeBinding;

/**
 * Where the calling code runs: application, module, version and instance, the current request and its
 * deadline.
 *
 * <p>Unlike the other API calls, the methods of an environment never throw
 * {@link DeadlineExceededException}: code past its deadline can still find out where it runs and see
 * {@link #getRemainingMillis()} at or below zero.
 */
public interface Environment {

  /**
   * Returns the environment of the calling thread.
   *
   * @return the environment of the request, background thread or bound test the thread belongs to
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   */
  static Environment current() {
    return RuntimeBinding.require("Environment.current()", false).environment();
  }

  /**
   * Returns the application id.
   *
   * @return the {@code application:} of the configuration, {@code app} when none was given
   */
  String getAppId();

  /**
   * Returns the module name.
   *
   * @return the module of the current instance, such as {@code default}
   */
  String getModuleId();

  /**
   * Returns the version name.
   *
   * @return the version of the current instance
   */
  String getVersionId();

  /**
   * Returns the instance id.
   *
   * @return {@code "0"}, {@code "1"}, … on manual and basic scaling; a hexadecimal id on automatic scaling
   */
  String getInstanceId();

  /**
   * Returns the id of the current request, also sent to the client as {@code X-Resident-Request-Id}.
   *
   * @return the request id; a background thread has an id of its own
   */
  String getRequestId();

  /**
   * Returns the time left before the soft deadline of the current request.
   *
   * @return milliseconds left, zero or less once the deadline has passed, {@link Long#MAX_VALUE} when the
   *     request has no deadline (HTTP requests on manual and basic scaling, background threads)
   */
  long getRemainingMillis();

  /**
   * Tells whether the calling thread is a background thread.
   *
   * @return true on a thread made by {@link ThreadManager#createBackgroundThread(Runnable)} or
   *     {@link ThreadManager#backgroundThreadFactory()}
   */
  boolean isBackground();
}
