package dev.resident.examples.backends;

import dev.resident.api.InternalRequests;
import dev.resident.api.modules.ModulesException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default module's door to the private memdb backend: {@code /memdb/{instance}/kv/{key}} (GET, PUT,
 * POST, DELETE) is passed to that memdb instance as an internal request, signed with
 * {@link InternalRequests} (R-SEC-2, R-SEC-3). Without the signature memdb answers 403.
 */
public final class MemdbFrontServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/([0-9]+)/kv/([A-Za-z0-9_.-]+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Matcher path = PATH.matcher(Texts.path(request));
    if (!path.matches()) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "try /memdb/{instance}/kv/{key}");
      return;
    }
    String hostname;
    try {
      hostname = ModulesServiceFactory.getModulesService().getInstanceHostname("memdb", null, path.group(1));
    } catch (ModulesException e) {
      Texts.send(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
      return;
    }
    String method = request.getMethod();
    URI uri = URI.create("http://" + hostname + "/kv/" + path.group(2));
    HttpRequest.BodyPublisher body = method.equals("PUT") || method.equals("POST")
        ? HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes())
        : HttpRequest.BodyPublishers.noBody();
    HttpRequest forward = InternalRequests.sign(HttpRequest.newBuilder(uri), method, uri)
        .method(method, body)
        .timeout(Duration.ofSeconds(10))
        .build();
    try {
      HttpResponse<String> answer = HTTP.send(forward, HttpResponse.BodyHandlers.ofString());
      response.setStatus(answer.statusCode());
      response.setContentType("text/plain; charset=UTF-8");
      response.getWriter().print(answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Texts.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
    }
  }
}
