package com.example.guestbook;

import com.google.appengine.api.LifecycleManager;
import com.google.appengine.api.LifecycleManager.ShutdownHook;
import com.google.appengine.api.ThreadManager;
import com.google.appengine.api.backends.BackendService;
import com.google.appengine.api.backends.BackendServiceFactory;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** /_ah/start of a manual-scaling instance: starts a counter in the background and stops it on shutdown. */
public class StartServlet extends HttpServlet {

  static final AtomicLong TICKS = new AtomicLong();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    BackendService backends = BackendServiceFactory.getBackendService();
    int instance = backends.getCurrentInstance();
    Thread ticker = ThreadManager.createBackgroundThread(() -> {
      while (!LifecycleManager.getInstance().isShuttingDown()) {
        TICKS.incrementAndGet();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    ticker.start();
    LifecycleManager.getInstance().setShutdownHook(new ShutdownHook() {
      @Override
      public void shutdown() {
        ticker.interrupt();
        LifecycleManager.getInstance().interruptAllRequests();
      }
    });
    resp.getWriter().println(backends.getCurrentBackend() + " instance " + instance + " started; next is "
        + backends.getBackendAddress(backends.getCurrentBackend(), instance + 1) + "; backend at "
        + backends.getBackendAddress(backends.getCurrentBackend()));
  }
}
