package dev.resident.examples.modules;

import dev.resident.api.Environment;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The page of the default and {@code mobile-frontend} modules: says which module, version and instance
 * served the request, so that a reader sees where {@code dispatch.yaml} sent it. At {@code /} it also lists
 * every module with the address {@code ModulesService} gives for it.
 */
public final class PageServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Environment here = Environment.current();
    String path = request.getRequestURI();
    response.setContentType("text/plain; charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.print(here.getModuleId() + "/" + here.getVersionId() + "/" + here.getInstanceId() + " served " + path + "\n");
    if (path.equals("/")) {
      ModulesService modules = ModulesServiceFactory.getModulesService();
      for (String module : modules.getModules()) {
        out.printf("  %-16s http://%s/\n", module, modules.getVersionHostname(module, null));
      }
    }
  }
}
