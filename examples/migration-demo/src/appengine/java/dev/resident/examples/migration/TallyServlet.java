package dev.resident.examples.migration;

import com.google.appengine.api.LifecycleManager;
import com.google.appengine.api.LifecycleManager.ShutdownHook;
import com.google.appengine.api.ThreadManager;
import com.google.appengine.api.modules.ModulesService;
import com.google.appengine.api.modules.ModulesServiceFactory;
import com.google.apphosting.api.ApiProxy;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A resident backend that tallies events in memory. {@code POST /events/{name}} counts one event;
 * {@code GET /} shows the counts this instance holds and the addresses of every instance of its module;
 * {@code GET /env} shows what the request's environment says about where it runs.
 *
 * <p>The start request registers a shutdown hook and starts a background thread. The thread flushes the
 * counts to the log every minute until the instance shuts down; the hook wakes it and flushes what is left,
 * so that a shutdown loses no count.
 *
 * <p>Written for App Engine's Java 8 runtime. Resident runs it once the recipe
 * {@code dev.resident.MigrateFromAppEngine} has converted it (see the README).
 */
public class TallyServlet extends HttpServlet {

  private static final Logger log = Logger.getLogger(TallyServlet.class.getName());
  private static final String EVENTS = "/events/";

  private final long flushMillis;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<String, AtomicLong>();
  private final Object flushSignal = new Object();
  private final AtomicLong flushes = new AtomicLong();

  public TallyServlet() {
    this(60 * 1000L);
  }

  TallyServlet(long flushMillis) {
    this.flushMillis = flushMillis;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain");
    if (req.getRequestURI().equals("/_ah/start")) {
      start();
      resp.getWriter().print("started\n");
    } else if (req.getRequestURI().equals("/env")) {
      ApiProxy.Environment env = ApiProxy.getCurrentEnvironment();
      String instance = (String) env.getAttributes().get("com.google.appengine.instance.id");
      resp.getWriter().print(env.getModuleId() + "/" + env.getVersionId() + "/" + instance + "\n");
    } else {
      resp.getWriter().print(report() + "\n");
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String uri = req.getRequestURI();
    if (!uri.startsWith(EVENTS) || uri.length() == EVENTS.length()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND, "POST /events/{name}");
      return;
    }
    String name = uri.substring(EVENTS.length());
    resp.setContentType("text/plain");
    resp.getWriter().print(name + ": " + count(name) + " pending on " + instance() + "\n");
  }

  /** Registers the shutdown hook and starts the flusher: what the start request does. */
  void start() {
    LifecycleManager.getInstance().setShutdownHook(new ShutdownHook() {
      @Override
      public void shutdown() {
        synchronized (flushSignal) {
          flushSignal.notifyAll();
        }
        flush("shutdown");
      }
    });
    Thread flusher = ThreadManager.createBackgroundThread(new Runnable() {
      @Override
      public void run() {
        LifecycleManager lifecycle = LifecycleManager.getInstance();
        try {
          while (!lifecycle.isShuttingDown()) {
            synchronized (flushSignal) {
              if (!lifecycle.isShuttingDown()) {
                flushSignal.wait(flushMillis);
              }
            }
            if (!lifecycle.isShuttingDown()) {
              flush("every minute");
            }
          }
          log.info(instance() + " flusher stopped: the instance is shutting down");
        } catch (InterruptedException e) {
          log.warning(instance() + " flusher interrupted");
        }
      }
    });
    flusher.start();
  }

  /** Counts one event; returns the count not flushed yet. */
  long count(String name) {
    AtomicLong count = counts.get(name);
    if (count == null) {
      AtomicLong first = new AtomicLong();
      count = counts.putIfAbsent(name, first);
      if (count == null) {
        count = first;
      }
    }
    return count.incrementAndGet();
  }

  /** Logs the counts not flushed yet, and takes them out. */
  void flush(String why) {
    Map<String, Long> flushed = new TreeMap<String, Long>();
    for (Map.Entry<String, AtomicLong> entry : counts.entrySet()) {
      long n = entry.getValue().getAndSet(0);
      if (n > 0) {
        flushed.put(entry.getKey(), n);
      }
    }
    if (!flushed.isEmpty()) {
      flushes.incrementAndGet();
      log.info(instance() + " flushed " + flushed + " (" + why + ")");
    }
  }

  /** This instance's counts and its module's instances, from the modules API. */
  String report() {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    String module = modules.getCurrentModule();
    String version = modules.getCurrentVersion();
    int instances = modules.getNumInstances(module, version);
    StringBuilder report = new StringBuilder(instance()).append(" of ").append(instances).append(": pending ");
    Map<String, Long> pending = new TreeMap<String, Long>();
    for (Map.Entry<String, AtomicLong> entry : counts.entrySet()) {
      if (entry.getValue().get() > 0) {
        pending.put(entry.getKey(), entry.getValue().get());
      }
    }
    report.append(pending).append(", ").append(flushes.get()).append(" flushes; instances:");
    for (int i = 0; i < instances; i++) {
      report.append(' ').append(i).append('=').append(modules.getInstanceHostname(module, version, "" + i));
    }
    return report.toString();
  }

  private static String instance() {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    return modules.getCurrentModule() + "/" + modules.getCurrentInstanceId();
  }
}
