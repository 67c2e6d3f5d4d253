package dev.resident.undertow.host;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A servlet for lifecycle tests: records every request as {@code path module/version/instance}, registers a
 * shutdown hook on {@code /_ah/start}, answers start with a chosen status, and blocks on {@code /block}
 * until the test opens the gate.
 */
class LifecycleServlet extends HttpServlet {

  private final Recorder recorder;
  private final IntSupplier startStatus;
  private final CountDownLatch gate;
  private final CountDownLatch startGate;

  LifecycleServlet(Recorder recorder, IntSupplier startStatus, CountDownLatch gate, CountDownLatch startGate) {
    this.recorder = recorder;
    this.startStatus = startStatus;
    this.gate = gate;
    this.startGate = startGate;
  }

  static String where() {
    Environment env = Environment.current();
    return env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    String where = where();
    recorder.record(path + " " + where);
    switch (path) {
      case "/_ah/start" -> {
        LifecycleManager.getInstance().setShutdownHook(() -> {
          recorder.record("hook " + where + " remaining=" + LifecycleManager.getInstance().getRemainingShutdownTime()
              + " background=" + Environment.current().isBackground());
          recorder.record("hook " + where);
        });
        await(startGate);
        resp.setStatus(startStatus.getAsInt());
      }
      case "/block" -> {
        recorder.record("blocking " + where);
        boolean opened = await(gate);
        recorder.record((opened ? "unblocked " : "interrupted ") + where);
        resp.getWriter().print("done " + where);
      }
      default -> resp.getWriter().print(where);
    }
  }

  private static boolean await(CountDownLatch latch) {
    if (latch == null) {
      return true;
    }
    try {
      return latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
