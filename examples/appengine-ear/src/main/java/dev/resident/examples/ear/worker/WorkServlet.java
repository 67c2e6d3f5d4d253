package dev.resident.examples.ear.worker;

import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /work?units=N} of {@code my-module}: does up to N units of work with seed 002's loop, which stops
 * early once the instance is shutting down, and saves its state after each unit.
 */
public final class WorkServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String units = req.getParameter("units");
    int wanted = units != null && units.matches("\\d{1,6}") ? Integer.parseInt(units) : 1;
    int done = 0;
    while (done < wanted && !LifecycleManager.getInstance().isShuttingDown()) {
      Work.doSomeWork();
      done++;
      Work.saveState();
    }
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().print("did " + done + " units");
  }
}
