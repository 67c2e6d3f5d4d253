package dev.resident.examples.ear.frontend;

import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.TreeSet;

/**
 * {@code /modules} of the default module: every module, its versions, and for the versions that have
 * named instances their host names, as {@code ModulesService} reports them (seed 002).
 */
public final class ModulesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    resp.setContentType("text/plain;charset=utf-8");
    PrintWriter out = resp.getWriter();
    out.println("served by " + modules.getCurrentModule() + "/" + modules.getCurrentVersion());
    for (String module : new TreeSet<>(modules.getModules())) {
      String version = modules.getDefaultVersion(module);
      out.println(module + " " + version + " " + modules.getVersionHostname(module, version));
      if (module.equals("my-module")) {
        int instances = modules.getNumInstances(module, version);
        for (int i = 0; i < instances; i++) {
          out.println("  instance " + i + " " + modules.getInstanceHostname(module, version, String.valueOf(i)));
        }
      }
    }
  }
}
