package dev.resident.kubernetes.process;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet of the two-process test: what instance code of a pod does with the modules service. {@code
 * /scale?module=M&version=V&n=N} scales another version, {@code /stop?module=M&version=V} stops it,
 * {@code /where} answers the current instance and a version's host name.
 */
public class ScalingServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    String module = req.getParameter("module");
    String version = req.getParameter("version");
    try {
      switch (req.getRequestURI()) {
        case "/scale" -> {
          modules.setNumInstances(module, version, Long.parseLong(req.getParameter("n")));
          resp.getWriter().print("scaled " + module + "/" + version + " to " + modules.getNumInstances(module, version));
        }
        case "/stop" -> {
          modules.stopVersion(module, version);
          resp.getWriter().print("stopped " + module + "/" + version + ", " + modules.getNumInstances(module, version)
              + " to start again");
        }
        case "/where" -> resp.getWriter().print(modules.getCurrentModule() + "/" + modules.getCurrentVersion() + "/"
            + modules.getCurrentInstanceId() + " " + modules.getInstanceHostname(module, version, "1"));
        default -> resp.getWriter().print("serving");
      }
    } catch (ModulesException e) {
      resp.setStatus(409);
      resp.getWriter().print("ModulesException: " + e.getMessage());
    }
  }
}
