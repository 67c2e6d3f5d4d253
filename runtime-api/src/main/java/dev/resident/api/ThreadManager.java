package dev.resident.api;

import dev.resident.api.spi.RuntimeBinding;
import java.util.concurrent.ThreadFactory;

/**
 * Threads that belong to the current instance.
 *
 * <p>A <em>request thread</em> carries the current request's environment and deadline and is interrupted
 * and joined when the request ends (at most 50 per request). A <em>background thread</em> carries the
 * instance's environment with no deadline, outlives the request that made it, is interrupted at the end of
 * the instance's shutdown grace, and never keeps the JVM alive (at most 10 live per instance, on manual and
 * basic scaling only).
 *
 * <p>The threads are returned unstarted, as on App Engine.
 */
public final class ThreadManager {

  private ThreadManager() {}

  /**
   * Returns a factory of request threads for the current request.
   *
   * @return a factory whose threads end with the current request
   * @throws IllegalStateException if the calling thread belongs to no Resident request
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public static ThreadFactory currentRequestThreadFactory() {
    return RuntimeBinding.require("ThreadManager.currentRequestThreadFactory()", true).requestThreadFactory();
  }

  /**
   * Creates an unstarted request thread for the current request.
   *
   * @param runnable what the thread runs
   * @return the thread, not yet started
   * @throws IllegalStateException if the calling thread belongs to no Resident request, or the request
   *     already has 50 request threads
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public static Thread createThreadForCurrentRequest(Runnable runnable) {
    return currentRequestThreadFactory().newThread(runnable);
  }

  /**
   * Returns a factory of background threads for the current instance.
   *
   * @return a factory whose threads live until the instance stops
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public static ThreadFactory backgroundThreadFactory() {
    return RuntimeBinding.require("ThreadManager.backgroundThreadFactory()", true).backgroundThreadFactory();
  }

  /**
   * Creates an unstarted background thread for the current instance.
   *
   * @param runnable what the thread runs
   * @return the thread, not yet started
   * @throws IllegalStateException if the calling thread belongs to no Resident instance, the instance uses
   *     automatic scaling, or it already has its limit of live background threads (10 by default)
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public static Thread createBackgroundThread(Runnable runnable) {
    return backgroundThreadFactory().newThread(runnable);
  }
}
