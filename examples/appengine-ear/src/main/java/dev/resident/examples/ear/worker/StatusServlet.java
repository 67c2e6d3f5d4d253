package dev.resident.examples.ear.worker;

import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /status} of {@code my-module}: which instance answers, and the work it has saved. */
public final class StatusServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().print(modules.getCurrentModule() + "/" + modules.getCurrentVersion() + "/"
        + modules.getCurrentInstanceId() + " started=" + Work.isStarted() + " saved=" + Work.saved());
  }
}
