package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One connection carries request after request through admission, the request threads and the buffered
 * response (R-REQ-1, R-REQ-5): a request thread resumes reading the connection before it sends its
 * response, so the next request on it is read as soon as it comes (R-PERF-1).
 */
class ConnectionReuseTest {

  private ResidentHost host;

  /** Answers with the path and query of the request; never reads a body. */
  public static class PathServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().print(req.getMethod() + " " + req.getRequestURI()
          + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
    }
  }

  @BeforeEach
  void start() {
    host = TestHosts.builder(new VirtualClock())
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", PathServlet.class))
        .build();
    host.start();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void requestsOneAfterTheOtherOnOneConnection() {
    try (KeepAliveSocket client = new KeepAliveSocket(host.port())) {
      for (int i = 0; i < 500; i++) {
        client.get("/seq?n=" + i);
        assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "GET /seq?n=" + i));
      }
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() {
    try (KeepAliveSocket client = new KeepAliveSocket(host.port())) {
      client.write("GET /a HTTP/1.1\r\nHost: localhost\r\n\r\n"
          + "GET /b HTTP/1.1\r\nHost: localhost\r\n\r\n"
          + "GET /c HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "GET /a"));
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "GET /b"));
      assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "GET /c"));
    }
  }

  @Test
  void aBodyTheHandlerNeverReadDoesNotSpillIntoTheNextRequest() {
    try (KeepAliveSocket client = new KeepAliveSocket(host.port())) {
      for (int i = 0; i < 50; i++) {
        client.post("/unread", "x".repeat(1000 + i));
        client.get("/after?n=" + i);
        assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "POST /unread"));
        assertThat(client.read()).isEqualTo(new KeepAliveSocket.Response(200, "GET /after?n=" + i));
      }
    }
  }
}
