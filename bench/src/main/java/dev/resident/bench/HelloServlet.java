package dev.resident.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The servlet of R-PERF-1: the same few bytes for every GET, on bare Undertow and on Resident alike. */
public final class HelloServlet extends HttpServlet {

  private static final byte[] BODY = "hello, world\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain");
    resp.setContentLength(BODY.length);
    resp.getOutputStream().write(BODY);
  }
}
