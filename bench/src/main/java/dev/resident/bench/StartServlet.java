package dev.resident.bench;

import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A trivial {@code /_ah/start}: it sets an empty shutdown hook and answers 200; other paths answer 200 too. */
public final class StartServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    if (req.getRequestURI().equals("/_ah/start")) {
      LifecycleManager.getInstance().setShutdownHook(() -> {});
    }
    resp.setStatus(200);
  }
}
