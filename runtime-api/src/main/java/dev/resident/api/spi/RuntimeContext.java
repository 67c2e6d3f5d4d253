package dev.resident.api.spi;

import dev.resident.api.DeadlineExceededException;
import dev.resident.api.Environment;
import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesService;
import java.util.concurrent.ThreadFactory;

/**
 * What a host gives the code of one instance on one thread: a request, a thread made by
 * {@code ThreadManager}, or a bound test. Implemented by hosts, not by applications.
 */
public interface RuntimeContext {

  /**
   * Throws if the current request has passed its soft deadline; called before every API call except
   * those of {@link Environment}.
   *
   * @throws DeadlineExceededException if the deadline has passed
   */
  void checkDeadline();

  /**
   * Returns the environment of this thread.
   *
   * @return the environment
   */
  Environment environment();

  /**
   * Returns the lifecycle of this thread's instance.
   *
   * @return the lifecycle control
   */
  LifecycleControl lifecycle();

  /**
   * Returns a factory of threads bound to the current request.
   *
   * @return the factory
   * @throws IllegalStateException if this thread runs no request
   */
  ThreadFactory requestThreadFactory();

  /**
   * Returns a factory of background threads of this thread's instance.
   *
   * @return the factory
   * @throws IllegalStateException if the instance may not have background threads
   */
  ThreadFactory backgroundThreadFactory();

  /**
   * Returns the modules service as seen from this thread's instance.
   *
   * @return the modules service
   */
  ModulesService modulesService();

  /**
   * Returns a snapshot of the figures of this thread's instance.
   *
   * @return the figures
   */
  RuntimeStats stats();

  /**
   * Returns the signer of internal requests of this thread's host (R-SEC-3).
   *
   * @return the signer, or null when this context has none and the JVM's host should sign
   */
  default RequestSigner requestSigner() {
    return null;
  }
}
