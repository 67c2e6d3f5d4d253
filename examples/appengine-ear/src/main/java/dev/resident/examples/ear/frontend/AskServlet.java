package dev.resident.examples.ear.frontend;

import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code /ask/N} of the default module: fetches {@code /status} of instance N of {@code my-module} at the
 * host name {@code ModulesService} gives, as seed 002's modules talk to each other.
 */
public final class AskServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String instance = req.getPathInfo() == null ? "0" : req.getPathInfo().substring(1);
    if (!instance.matches("\\d{1,3}")) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "an instance number, such as /ask/0");
      return;
    }
    String host = ModulesServiceFactory.getModulesService().getInstanceHostname("my-module", null, instance);
    HttpRequest status = HttpRequest.newBuilder(URI.create("http://" + host + "/status"))
        .timeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> answer = CLIENT.send(status, HttpResponse.BodyHandlers.ofString());
      resp.setContentType("text/plain;charset=utf-8");
      resp.getWriter().print("my-module instance " + instance + " says: " + answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }
}
