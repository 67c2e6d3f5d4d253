package com.example.guestbook;

import com.google.appengine.api.modules.ModulesException;
import com.google.appengine.api.modules.ModulesService;
import com.google.appengine.api.modules.ModulesServiceFactory;
import com.google.apphosting.api.ApiProxy;
import com.google.apphosting.api.DeadlineExceededException;
import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Says where the request ran and scales the worker module on demand. */
@WebServlet("/guestbook")
public class GuestbookServlet extends HttpServlet {

  private final ModulesService modules = ModulesServiceFactory.getModulesService();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    ApiProxy.Environment env = ApiProxy.getCurrentEnvironment();
    String instance = (String) env.getAttributes().get("com.google.appengine.instance.id");
    resp.setContentType("text/plain");
    PrintWriter out = resp.getWriter();
    out.println(env.getAppId() + " " + env.getModuleId() + " " + env.getVersionId() + " " + instance);
    out.println(modules.getCurrentModule() + " " + modules.getCurrentVersion() + " "
        + modules.getCurrentInstanceId() + " left " + env.getRemainingMillis() + " ms");
    for (String module : modules.getModules()) {
      out.println(module + " " + modules.getVersions(module) + " default " + modules.getDefaultVersion(module)
          + " at " + modules.getVersionHostname(module, null));
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    String workers = req.getParameter("workers");
    try {
      if (workers != null) {
        modules.setNumInstances("worker", "v1", Long.parseLong(workers));
      }
      resp.getWriter().println("worker/v1 has " + modules.getNumInstances("worker", "v1") + " instances at "
          + modules.getInstanceHostname("worker", "v1", "0"));
    } catch (ModulesException e) {
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
    } catch (DeadlineExceededException e) {
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "out of time");
    }
  }
}
