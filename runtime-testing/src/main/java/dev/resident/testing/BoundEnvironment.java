package dev.resident.testing;

import dev.resident.api.LifecycleManager;
import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.security.SignatureCheck;
import dev.resident.undertow.time.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The environment a {@link ResidentEnvironment} test runs in: simulate a shutdown, move time, set a
 * deadline, or put another {@code ModulesService} (a Mockito mock, say) in place.
 */
public final class BoundEnvironment {

  private static final Duration HOOK_BOUND = Duration.ofMinutes(1);

  private final TestContext context;

  BoundEnvironment(TestContext context) {
    this.context = context;
  }

  /**
   * Tells whether a value of {@code X-Resident-Signature} that code under test made with
   * {@link dev.resident.api.InternalRequests#sign(String, URI)} signs a request, as a host would check it
   * (R-SEC-3): the environment signs with a random secret of its own, on its virtual clock. A valid
   * signature is used up, as on a host.
   *
   * @param method the request's method
   * @param uri the URI it is sent to
   * @param signature the header's value
   * @return true when a host with the same secret would take the request as internal
   */
  public boolean acceptsSignature(String method, URI uri, String signature) {
    String host = uri.getRawAuthority();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return context.signatures().verify(method, host, path, uri.getRawQuery() == null ? "" : uri.getRawQuery(),
        signature) == SignatureCheck.VALID;
  }

  /**
   * Shuts the instance down as a host would (R-LIFE-5): {@code isShuttingDown()} becomes true, the shutdown
   * hook runs once on a thread of the instance and this call waits for it, and the grace
   * ({@code shutdownGraceMillis}) starts counting down on the virtual clock; when the clock passes its end,
   * background threads are interrupted. A second call does nothing.
   *
   * @throws RuntimeException what the hook threw, so that the test sees it
   */
  public void shutdown() {
    if (context.startShutdown(context.settings().shutdownGraceMillis())) {
      runHook(context);
    }
  }

  static void runHook(TestContext context) {
    LifecycleManager.ShutdownHook hook = context.hook();
    if (hook == null) {
      return;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runner = new Thread(context.bound(() -> {
      try {
        hook.shutdown();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, false), "resident-test-shutdown-hook");
    runner.setDaemon(true);
    runner.start();
    try {
      runner.join(HOOK_BOUND.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (runner.isAlive()) {
      throw new AssertionError("The shutdown hook did not return within " + HOOK_BOUND);
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
  }

  /**
   * Tells whether the instance is shutting down.
   *
   * @return true after {@link #shutdown()} or {@code LifecycleManager.beginShutdown}
   */
  public boolean isShuttingDown() {
    return context.isShuttingDown();
  }

  /**
   * Returns the clock of the environment: it moves only when the test moves it.
   *
   * @return the virtual clock
   */
  public VirtualClock clock() {
    return context.clock();
  }

  /**
   * Gives the test's request a deadline from now on the virtual clock: once the clock passes it, Resident
   * API calls on the test thread throw {@code DeadlineExceededException}.
   *
   * @param deadline how long from now, or null for none (the default)
   */
  public void deadline(Duration deadline) {
    context.deadlineIn(deadline);
  }

  /**
   * Replaces the modules service the code under test gets, for example with a Mockito mock.
   *
   * @param modules the modules service
   */
  public void modulesService(ModulesService modules) {
    context.modules(Objects.requireNonNull(modules, "modules"));
  }

  /**
   * Returns the modules service the code under test gets: by default one that knows the test's own module
   * and version and records changes to them.
   *
   * @return the modules service
   */
  public ModulesService modulesService() {
    return context.modules();
  }

  /**
   * Returns how many background threads made through {@code ThreadManager} are alive.
   *
   * @return live background threads
   */
  public int backgroundThreads() {
    return context.liveBackgroundThreads();
  }

  @Override
  public String toString() {
    ResidentEnvironment settings = context.settings();
    return "bound-environment(" + settings.module() + "/" + settings.version() + "/" + settings.instance() + ")";
  }
}
