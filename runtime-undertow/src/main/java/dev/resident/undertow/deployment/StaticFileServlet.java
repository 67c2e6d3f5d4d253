package dev.resident.undertow.deployment;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A WAR's default servlet: the static files {@link StaticPaths} allows, for forwards, includes and error
 * pages that name one; 404 for anything else. It replaces the container's default servlet, which would
 * serve any file of the WAR (JSP sources, excluded files) (R-WAR-2).
 */
final class StaticFileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient StaticPaths paths;

  StaticFileServlet(StaticPaths paths) {
    this.paths = paths;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    Optional<StaticPaths.Served> served = paths.resolve(path);
    if (served.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String type = getServletContext().getMimeType(served.get().file().getFileName().toString());
    if (type != null) {
      resp.setContentType(type);
    }
    resp.setHeader("Cache-Control", served.get().cacheControl());
    served.get().include().headers().forEach(resp::setHeader);
    resp.setContentLengthLong(Files.size(served.get().file()));
    if (!req.getMethod().equals("HEAD")) {
      Files.copy(served.get().file(), resp.getOutputStream());
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    doGet(req, resp);
  }
}
