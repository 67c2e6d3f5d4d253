package dev.resident.undertow.host;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The application the randomized lifecycle test runs (R-REL-3): handlers that are fast, slow, throwing or
 * deaf to interrupts, a start handler that fails while told to, and a count of every instance run's hook
 * calls and deployments, for the invariants of R-REL-1.
 */
final class ChaosApp {

  /** Whether start requests fail now (the driver turns it on and off). */
  volatile boolean failStarts;
  /** Hook calls per instance run, by run id; a run is one servlet object. */
  final Map<Long, AtomicInteger> hookCalls = new ConcurrentHashMap<>();
  /** Runs whose start handler registered a hook. */
  final Map<Long, String> runsWithHook = new ConcurrentHashMap<>();
  final AtomicInteger contextsLive = new AtomicInteger();
  final AtomicLong contextsEver = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();

  HttpServlet newServlet() {
    return new Handler(runs.incrementAndGet());
  }

  /** Counts servlet contexts, so that every deployment that initialised is destroyed. */
  final class Contexts implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      contextsLive.incrementAndGet();
      contextsEver.incrementAndGet();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      contextsLive.decrementAndGet();
    }
  }

  private final class Handler extends HttpServlet {
    private final long run;

    Handler(long run) {
      this.run = run;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      switch (req.getRequestURI()) {
        case "/_ah/start" -> start(resp);
        case "/fast" -> resp.getWriter().print("fast");
        case "/slow" -> {
          pause(TimeUnit.MILLISECONDS.toNanos(20 + (run % 7) * 20), true);
          resp.getWriter().print("slow");
        }
        case "/throw" -> throw new Thrown();
        case "/deaf" -> {
          pause(TimeUnit.MILLISECONDS.toNanos(400), false);
          resp.getWriter().print("deaf");
        }
        case "/shutdown" -> {
          LifecycleManager.getInstance().beginShutdown(150);
          resp.getWriter().print("shutting down");
        }
        default -> resp.setStatus(404);
      }
    }

    private void start(HttpServletResponse resp) {
      Environment env = Environment.current();
      String where = env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId();
      LifecycleManager.getInstance().setShutdownHook(() ->
          hookCalls.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet());
      // A hook set once the shutdown has begun may come too late to run; only hooks set before count.
      if (!LifecycleManager.getInstance().isShuttingDown()) {
        runsWithHook.put(run, where);
      }
      resp.setStatus(failStarts ? 500 : 200);
    }
  }

  /** What {@code /throw} throws: no stack trace, so that the logs of a long run stay readable. */
  static final class Thrown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Thrown() {
      super("thrown on purpose by the chaos test", null, false, false);
    }
  }

  /** Waits like real work does; a deaf handler ignores interrupts until its time is up. */
  private static void pause(long nanos, boolean honourInterrupts) {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (honourInterrupts && Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
