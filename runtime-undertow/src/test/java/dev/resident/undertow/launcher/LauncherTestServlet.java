package dev.resident.undertow.launcher;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet of the launcher's process test: it answers {@code module/version/instance}, and each instance
 * it serves registers a shutdown hook that prints {@code HOOK module/instance} to stdout, so the test can count
 * how often each hook ran.
 */
public class LauncherTestServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Environment env = Environment.current();
    String instance = env.getModuleId() + "/" + env.getInstanceId();
    LifecycleManager.getInstance().setShutdownHook(() -> {
      System.out.println("HOOK " + instance);
      System.out.flush();
    });
    resp.getWriter().print(env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId());
  }
}
