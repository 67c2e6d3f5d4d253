package dev.resident.examples.backends;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Plain-text answers, the form every backend of the demo answers in, so that curl shows them as they are. */
final class Texts {

  private Texts() {}

  /**
   * Sends a status and one line of text.
   *
   * @param response the response
   * @param status the HTTP status
   * @param line the text, without its line break
   * @throws IOException if the response cannot be written
   */
  static void send(HttpServletResponse response, int status, String line) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain; charset=UTF-8");
    response.getWriter().print(line + "\n");
  }

  /**
   * Returns the path below the servlet's mapping, decoded, for servlets mapped to {@code /*}.
   *
   * @param request the request
   * @return such as {@code /kv/frontier} or {@code /_ah/start}; {@code /} when there is none
   */
  static String path(HttpServletRequest request) {
    String path = request.getPathInfo();
    return path == null || path.isEmpty() ? "/" : path;
  }
}
