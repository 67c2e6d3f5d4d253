package dev.resident.undertow.instance;

import dev.resident.api.DeadlineExceededException;
import dev.resident.api.Environment;
import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.spi.LifecycleControl;
import dev.resident.api.spi.RuntimeBinding;
import dev.resident.api.spi.RuntimeContext;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * What the API sees on one thread of one instance: a request (with its id and deadline), a request's own
 * thread, a background thread, or the shutdown hook. Bound with {@link RuntimeBinding}.
 */
public final class ThreadContext implements RuntimeContext, Environment {

  /** MDC key of the module. */
  public static final String MDC_MODULE = "module";
  /** MDC key of the version. */
  public static final String MDC_VERSION = "version";
  /** MDC key of the instance. */
  public static final String MDC_INSTANCE = "instance";
  /** MDC key of the request id. */
  public static final String MDC_REQUEST_ID = "requestId";

  private final Instance instance;
  private final String requestId;
  private final long deadlineNanos;
  private final boolean background;
  private final boolean ownThreads;
  /** Made when the request first asks for its thread factory: most requests never do. Guarded by this. */
  private RequestThreads requestThreads;
  /** Whether {@link #endRequestThreads()} has run. Guarded by this. */
  private boolean requestEnded;

  private ThreadContext(
      Instance instance, String requestId, long deadlineNanos, boolean background, boolean ownThreads) {
    this.instance = instance;
    this.requestId = requestId;
    this.deadlineNanos = deadlineNanos;
    this.background = background;
    this.ownThreads = ownThreads;
  }

  static ThreadContext request(Instance instance, String requestId, long deadlineNanos) {
    return new ThreadContext(instance, requestId, deadlineNanos, false, true);
  }

  static ThreadContext background(Instance instance, String requestId) {
    return new ThreadContext(instance, requestId, Long.MAX_VALUE, true, false);
  }

  /**
   * Returns a runnable that runs {@code runnable} with this context bound and the logging MDC set.
   *
   * @param runnable what to run
   * @return the bound runnable
   */
  public Runnable wrap(Runnable runnable) {
    return () -> {
      try (RuntimeBinding binding = RuntimeBinding.bind(this)) {
        putMdc();
        runnable.run();
      } finally {
        MDC.clear();
      }
    };
  }

  private Runnable wrapSameRequest(Runnable runnable) {
    ThreadContext child = new ThreadContext(instance, requestId, deadlineNanos, false, false);
    return instance.counted(child.wrap(runnable));
  }

  /** Puts module, version, instance and request id in the logging MDC of the current thread. */
  public void putMdc() {
    MDC.put(MDC_MODULE, instance.version().module());
    MDC.put(MDC_VERSION, instance.version().version());
    MDC.put(MDC_INSTANCE, instance.id());
    MDC.put(MDC_REQUEST_ID, requestId);
  }

  /**
   * Ends the request threads of this context: interrupts them and waits a bounded time.
   *
   * @return request threads still alive after the wait
   */
  int endRequestThreads() {
    RequestThreads threads;
    synchronized (this) {
      requestEnded = true;
      threads = requestThreads;
    }
    return threads == null ? 0 : threads.endAndJoin(instance.requestThreadJoinBound());
  }

  /**
   * Returns the soft deadline of the request.
   *
   * @return host clock nanoseconds, {@link Long#MAX_VALUE} for none
   */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  @Override
  public void checkDeadline() {
    if (deadlineNanos != Long.MAX_VALUE && instance.clock().nanoTime() - deadlineNanos >= 0) {
      throw new DeadlineExceededException("Request " + requestId + " passed its deadline");
    }
  }

  @Override
  public Environment environment() {
    return this;
  }

  @Override
  public LifecycleControl lifecycle() {
    return instance.lifecycle();
  }

  @Override
  public ThreadFactory requestThreadFactory() {
    if (!ownThreads) {
      throw new IllegalStateException("ThreadManager.currentRequestThreadFactory() needs a request thread;"
          + " this is " + (background ? "a background thread" : "a thread made for a request"));
    }
    synchronized (this) {
      if (requestThreads == null) {
        requestThreads = new RequestThreads(instance.threadNamePrefix() + "req-" + requestId + "-",
            this::wrapSameRequest);
        if (requestEnded) {
          requestThreads.endAndJoin(Duration.ZERO);
        }
      }
      return requestThreads;
    }
  }

  @Override
  public ThreadFactory backgroundThreadFactory() {
    return instance.backgroundThreadFactory();
  }

  @Override
  public ModulesService modulesService() {
    return instance.versionRuntime().application().modulesService(instance);
  }

  @Override
  public dev.resident.api.spi.RequestSigner requestSigner() {
    return instance.requestSigner();
  }

  @Override
  public RuntimeStats stats() {
    return instance.stats();
  }

  @Override
  public String getAppId() {
    return instance.applicationId();
  }

  @Override
  public String getModuleId() {
    return instance.version().module();
  }

  @Override
  public String getVersionId() {
    return instance.version().version();
  }

  @Override
  public String getInstanceId() {
    return instance.id();
  }

  @Override
  public String getRequestId() {
    return requestId;
  }

  @Override
  public long getRemainingMillis() {
    if (deadlineNanos == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - instance.clock().nanoTime());
  }

  @Override
  public boolean isBackground() {
    return background;
  }

  @Override
  public String toString() {
    return "thread-context(" + instance + ", " + requestId + (background ? ", background" : "") + ")";
  }
}
