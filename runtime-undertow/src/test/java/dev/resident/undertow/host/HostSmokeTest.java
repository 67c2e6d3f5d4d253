package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.Environment;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class HostSmokeTest {

  public static class WhereServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Environment env = Environment.current();
      resp.getWriter().print(env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId());
    }
  }

  @Test
  void servesDefaultModuleAndManualInstances() {
    try (ResidentHost host = ResidentHost.builder()
        .port(0)
        .stopOnJvmShutdown(false)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 2).build())
        .handlers("default", h -> h.servlet("/where", WhereServlet.class))
        .handlers("worker", h -> h.servlet("/where", WhereServlet.class))
        .build()) {
      host.start();
      Await.until("worker instances serve", () ->
          host.instanceState("worker", "v1", "0") == InstanceState.SERVING
              && host.instanceState("worker", "v1", "1") == InstanceState.SERVING);
      assertThat(Http.get(host.port(), "/where").body()).startsWith("default/v1/");
      assertThat(Http.get(host.instancePort("worker", "v1", "1"), "/where").body()).isEqualTo("worker/v1/1");
      assertThat(Http.get(host.versionPort("worker", "v1"), "/where").body()).startsWith("worker/v1/");
      assertThat(Http.get(host.port(), "/_ah/start").statusCode()).isEqualTo(404);
    }
  }
}
