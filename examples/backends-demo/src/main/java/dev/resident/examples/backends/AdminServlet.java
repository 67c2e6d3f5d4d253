package dev.resident.examples.backends;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * An admin handler ({@code login: admin} in {@code app.yaml}, R-SEC-1): only the admin token, a signed
 * internal request or a caller in the role {@code admin} reaches it. {@code GET /admin/} lists each
 * module's instance count; {@code POST /admin/instances?module=memdb&count=4} changes a manual module's.
 */
public final class AdminServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    response.setContentType("text/plain; charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("admin view of " + modules.getModules().size() + " modules");
    for (String module : modules.getModules()) {
      out.println(module + " " + count(modules, module));
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"/instances".equals(request.getPathInfo())) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "try POST /admin/instances?module=memdb&count=4");
      return;
    }
    String module = request.getParameter("module");
    String count = request.getParameter("count");
    try {
      ModulesServiceFactory.getModulesService().setNumInstances(module, null, Long.parseLong(count));
      Texts.send(response, HttpServletResponse.SC_OK, module + " now has " + count + " instances");
    } catch (ModulesException | NumberFormatException e) {
      Texts.send(response, HttpServletResponse.SC_BAD_REQUEST, String.valueOf(e.getMessage()));
    }
  }

  private static String count(ModulesService modules, String module) {
    try {
      return modules.getNumInstances(module, null) + " instances";
    } catch (ModulesException notManual) {
      return "instances on demand";
    }
  }
}
