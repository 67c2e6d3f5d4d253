package dev.resident.examples.ear.worker;

import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /_ah/start} of {@code my-module}: each of its five manual instances registers seed 002's
 * shutdown hook, which interrupts the requests still running so that they save their state.
 */
public final class StartServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    LifecycleManager.getInstance().setShutdownHook(new LifecycleManager.ShutdownHook() {
      @Override
      public void shutdown() {
        LifecycleManager.getInstance().interruptAllRequests();
      }
    });
    Work.started();
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().print("started");
  }
}
