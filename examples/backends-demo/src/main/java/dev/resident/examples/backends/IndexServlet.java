package dev.resident.examples.backends;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The default module's index: every module, version and instance with the hostname {@code ModulesService}
 * gives for it, so that a user knows where to point curl. HTML for browsers, a plain table otherwise.
 */
public final class IndexServlet extends HttpServlet {

  /** One line of the index. */
  record Row(String module, String version, String instance, String hostname) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"/".equals(request.getServletPath()) || request.getPathInfo() != null) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "the index is at /");
      return;
    }
    List<Row> rows = rows(ModulesServiceFactory.getModulesService());
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/html")) {
      html(rows, response);
    } else {
      text(rows, response);
    }
  }

  /**
   * Lists every module version's instances, or the version itself when its instances are anonymous
   * (automatic scaling).
   *
   * @param modules the modules service
   * @return the rows, in the order of the modules
   */
  static List<Row> rows(ModulesService modules) {
    List<Row> rows = new ArrayList<>();
    for (String module : modules.getModules()) {
      for (String version : modules.getVersions(module)) {
        List<String> instances = instanceIds(modules, module, version);
        if (instances.isEmpty()) {
          rows.add(new Row(module, version, "-", modules.getVersionHostname(module, version)));
        }
        for (String instance : instances) {
          rows.add(new Row(module, version, instance, modules.getInstanceHostname(module, version, instance)));
        }
      }
    }
    return rows;
  }

  /**
   * The ids of a version's addressable instances. {@code getNumInstances} answers for manual scaling only;
   * for basic scaling the ids run from 0 for as long as {@code getInstanceHostname} knows them; automatic
   * instances have no address of their own.
   */
  private static List<String> instanceIds(ModulesService modules, String module, String version) {
    try {
      return IntStream.range(0, modules.getNumInstances(module, version)).mapToObj(Integer::toString).toList();
    } catch (ModulesException notManual) {
      List<String> ids = new ArrayList<>();
      try {
        while (true) {
          String id = Integer.toString(ids.size());
          modules.getInstanceHostname(module, version, id);
          ids.add(id);
        }
      } catch (ModulesException noMore) {
        return ids;
      }
    }
  }

  private static void text(List<Row> rows, HttpServletResponse response) throws IOException {
    response.setContentType("text/plain; charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.printf("%-8s %-8s %-9s %s%n", "MODULE", "VERSION", "INSTANCE", "ADDRESS");
    for (Row row : rows) {
      out.printf("%-8s %-8s %-9s http://%s/%n", row.module(), row.version(), row.instance(), row.hostname());
    }
  }

  private static void html(List<Row> rows, HttpServletResponse response) throws IOException {
    response.setContentType("text/html; charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html><head><title>Resident backends demo</title></head><body>");
    out.println("<h1>Resident backends demo</h1>");
    out.println("<p>Every module, version and instance, with the address ModulesService gives for it.</p>");
    out.println("<table><tr><th>module</th><th>version</th><th>instance</th><th>address</th></tr>");
    for (Row row : rows) {
      String url = "http://" + row.hostname() + "/";
      out.println("<tr><td>" + row.module() + "</td><td>" + row.version() + "</td><td>" + row.instance()
          + "</td><td><a href=\"" + url + "\">" + url + "</a></td></tr>");
    }
    out.println("</table>");
    out.println("<p>memdb: <code>/kv/{key}</code> (GET, PUT, DELETE); crawler and cmdline: <code>/status</code>;"
        + " worker: <code>/work?seconds=5</code>.</p>");
    out.println("</body></html>");
  }
}
