package dev.resident.testing;

import dev.resident.api.DeadlineExceededException;
import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.spi.LifecycleControl;
import dev.resident.api.spi.RequestSigner;
import dev.resident.api.spi.RuntimeBinding;
import dev.resident.api.spi.RuntimeContext;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.config.InstanceClass;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.instance.StatsSnapshot;
import dev.resident.undertow.security.InternalSecret;
import dev.resident.undertow.security.RequestSignatures;
import dev.resident.undertow.time.VirtualClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The instance a {@link ResidentEnvironment} test pretends to run on: its environment and lifecycle. */
final class TestContext implements LifecycleControl {

  private static final int REQUEST_THREAD_LIMIT = 50;

  private final ResidentEnvironment settings;
  private final VirtualClock clock;
  private final AtomicLong requestIds = new AtomicLong();
  private final Set<Thread> backgroundThreads = ConcurrentHashMap.newKeySet();
  private final Set<Thread> requestThreads = ConcurrentHashMap.newKeySet();
  private final Thread testThread;
  private final long startNanos;
  private volatile ModulesService modules;
  private volatile LifecycleManager.ShutdownHook hook;
  private volatile boolean shuttingDown;
  private volatile long graceEndNanos;
  private volatile long deadlineNanos = Long.MAX_VALUE;
  private final RequestSignatures signatures;

  TestContext(ResidentEnvironment settings, VirtualClock clock, Thread testThread) {
    this.settings = settings;
    this.clock = clock;
    this.testThread = testThread;
    this.startNanos = clock.nanoTime();
    this.modules = new EnvironmentModules(settings);
    this.signatures = new RequestSignatures(InternalSecret.random(new SecureRandom()), clock, 10_000);
  }

  RequestSignatures signatures() {
    return signatures;
  }

  RuntimeContext requestView() {
    return new View("test-" + requestIds.incrementAndGet(), false, true);
  }

  ResidentEnvironment settings() {
    return settings;
  }

  VirtualClock clock() {
    return clock;
  }

  void modules(ModulesService modules) {
    this.modules = modules;
  }

  ModulesService modules() {
    return modules;
  }

  void deadlineIn(Duration duration) {
    deadlineNanos = duration == null ? Long.MAX_VALUE : clock.nanoTime() + duration.toNanos();
  }

  LifecycleManager.ShutdownHook hook() {
    return hook;
  }

  boolean startShutdown(long graceMillis) {
    synchronized (this) {
      if (shuttingDown) {
        return false;
      }
      graceEndNanos = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
      shuttingDown = true;
    }
    clock.schedule(Duration.ofMillis(graceMillis), this::interruptThreads);
    return true;
  }

  void interruptThreads() {
    backgroundThreads.forEach(Thread::interrupt);
    requestThreads.forEach(Thread::interrupt);
  }

  int liveBackgroundThreads() {
    backgroundThreads.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
    return backgroundThreads.size();
  }

  Set<Thread> threads() {
    Set<Thread> all = ConcurrentHashMap.newKeySet();
    all.addAll(backgroundThreads);
    all.addAll(requestThreads);
    return all;
  }

  Runnable bound(Runnable runnable, boolean background) {
    View view = new View("test-" + requestIds.incrementAndGet(), background, false);
    return () -> {
      try (RuntimeBinding binding = RuntimeBinding.bind(view)) {
        runnable.run();
      }
    };
  }

  @Override
  public boolean isShuttingDown() {
    return shuttingDown;
  }

  @Override
  public void setShutdownHook(LifecycleManager.ShutdownHook hook) {
    this.hook = hook;
  }

  @Override
  public void interruptAllRequests() {
    testThread.interrupt();
    requestThreads.forEach(Thread::interrupt);
  }

  @Override
  public long getRemainingShutdownTime() {
    if (!shuttingDown) {
      return -1;
    }
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(graceEndNanos - clock.nanoTime()));
  }

  @Override
  public void beginShutdown(long graceMillis) {
    if (startShutdown(graceMillis)) {
      BoundEnvironment.runHook(this);
    }
  }

  /** The API's view from one thread: the test's, a request thread's or a background thread's. */
  private final class View implements RuntimeContext, Environment {
    private final String requestId;
    private final boolean background;
    private final boolean ownsRequestThreads;
    private final AtomicInteger requestThreadCount = new AtomicInteger();

    View(String requestId, boolean background, boolean ownsRequestThreads) {
      this.requestId = requestId;
      this.background = background;
      this.ownsRequestThreads = ownsRequestThreads;
    }

    @Override
    public void checkDeadline() {
      if (!background && clock.nanoTime() - deadlineNanos >= 0 && deadlineNanos != Long.MAX_VALUE) {
        throw new DeadlineExceededException("The test's deadline has passed");
      }
    }

    @Override
    public Environment environment() {
      return this;
    }

    @Override
    public RequestSigner requestSigner() {
      return signatures;
    }

    @Override
    public LifecycleControl lifecycle() {
      return TestContext.this;
    }

    @Override
    public ThreadFactory requestThreadFactory() {
      if (!ownsRequestThreads) {
        throw new IllegalStateException("ThreadManager.currentRequestThreadFactory() needs the test thread");
      }
      return runnable -> {
        if (requestThreadCount.incrementAndGet() > REQUEST_THREAD_LIMIT) {
          requestThreadCount.decrementAndGet();
          throw new IllegalStateException("This request already has " + REQUEST_THREAD_LIMIT
              + " request threads, the limit");
        }
        Thread thread = new Thread(bound(runnable, false), "resident-test-request-" + requestThreadCount.get());
        thread.setDaemon(true);
        requestThreads.add(thread);
        return thread;
      };
    }

    @Override
    public ThreadFactory backgroundThreadFactory() {
      if (settings.scaling() == ScalingType.AUTOMATIC) {
        throw new IllegalStateException("Background threads need manual or basic scaling; " + settings.module()
            + "/" + settings.version() + " uses automatic scaling");
      }
      return runnable -> {
        if (liveBackgroundThreads() >= settings.maxBackgroundThreads()) {
          throw new IllegalStateException("This instance already has " + settings.maxBackgroundThreads()
              + " live background threads, its limit (resident.max_background_threads)");
        }
        Thread thread = new Thread(bound(runnable, true), "resident-test-bg-" + (backgroundThreads.size() + 1));
        thread.setDaemon(true);
        backgroundThreads.add(thread);
        return thread;
      };
    }

    @Override
    public ModulesService modulesService() {
      return modules;
    }

    @Override
    public RuntimeStats stats() {
      Runtime runtime = Runtime.getRuntime();
      Map<String, Long> rejections = new LinkedHashMap<>();
      for (Rejection rejection : Rejection.values()) {
        rejections.put(rejection.reason(), 0L);
      }
      return new StatsSnapshot(Duration.ZERO, runtime.totalMemory() - runtime.freeMemory(),
          InstanceClass.defaultFor(settings.scaling()).memoryBytes(), Duration.ofNanos(clock.nanoTime() - startNanos),
          0, 1, 0, Duration.ZERO, Duration.ZERO, Map.copyOf(rejections), 0, 0, liveBackgroundThreads());
    }

    @Override
    public String getAppId() {
      return settings.application();
    }

    @Override
    public String getModuleId() {
      return settings.module();
    }

    @Override
    public String getVersionId() {
      return settings.version();
    }

    @Override
    public String getInstanceId() {
      return settings.instance();
    }

    @Override
    public String getRequestId() {
      return requestId;
    }

    @Override
    public long getRemainingMillis() {
      if (background || deadlineNanos == Long.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
      return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - clock.nanoTime());
    }

    @Override
    public boolean isBackground() {
      return background;
    }
  }
}
