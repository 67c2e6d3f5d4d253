package dev.resident.undertow.launcher;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet of the one-instance process test: it answers {@code GREETING=<System.getenv("GREETING")>
 * module/version/instance}, and its start request registers a shutdown hook that prints {@code HOOK
 * module/instance} to stdout.
 */
public class EnvTestServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Environment env = Environment.current();
    String where = env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId();
    if (req.getRequestURI().equals("/_ah/start")) {
      LifecycleManager.getInstance().setShutdownHook(() -> {
        System.out.println("HOOK " + where);
        System.out.flush();
      });
    }
    resp.getWriter().print("GREETING=" + System.getenv("GREETING") + " " + where);
  }
}
