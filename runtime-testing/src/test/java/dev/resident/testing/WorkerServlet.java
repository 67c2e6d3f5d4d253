package dev.resident.testing;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import dev.resident.api.ThreadManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A servlet for the extension's own tests: says where it runs, registers a hook, starts background work. */
public class WorkerServlet extends HttpServlet {

  /** What hooks and threads did, read by the tests after the test kit ran. */
  static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  /** Lets the stubborn background thread end; it ignores interrupts. */
  static volatile CountDownLatch stubbornRelease = new CountDownLatch(1);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Environment env = Environment.current();
    String where = env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId();
    switch (req.getRequestURI()) {
      case "/_ah/start" -> LifecycleManager.getInstance().setShutdownHook(() -> EVENTS.add("hook " + where));
      case "/stubborn" -> {
        CountDownLatch release = stubbornRelease;
        Thread thread = ThreadManager.createBackgroundThread(() -> {
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (System.nanoTime() < end) {
            try {
              if (release.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return;
              }
            } catch (InterruptedException ignored) {
              EVENTS.add("stubborn ignored an interrupt");
            }
          }
        });
        thread.start();
        resp.getWriter().print("started");
      }
      default -> resp.getWriter().print(where);
    }
  }
}
