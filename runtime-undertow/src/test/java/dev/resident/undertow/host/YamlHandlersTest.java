package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlHandlersTest {

  /** Answers with an env_variables value, read from the servlet context. */
  public static class EnvServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().print("color=" + getServletContext().getInitParameter("COLOR"));
    }
  }

  @Test
  @DisplayName("R-CFG-1, R-CFG-2 yaml handlers load servlet classes and serve static_dir; env_variables reach the context")
  void yamlHandlers(@TempDir Path base) throws IOException {
    Files.createDirectories(base.resolve("public"));
    Files.writeString(base.resolve("public/hello.txt"), "static hello");
    Files.writeString(base.resolve("public/secret.txt"), "not for download");
    try (ResidentHost host = TestHosts.builder(new VirtualClock())
        .baseDirectory(base)
        .config("app.yaml", """
            version: v1
            handlers:
              - url: /static/*
                static_dir: public
              - url: /files/(.*)\\.txt
                static_files: public/\\1.txt
                upload: public/hello\\.txt
              - url: /env
                servlet: dev.resident.undertow.host.YamlHandlersTest$EnvServlet
            env_variables:
              COLOR: blue
            """)
        .build()) {
      host.start();
      assertThat(Http.get(host.port(), "/env").body()).isEqualTo("color=blue");
      assertThat(Http.get(host.port(), "/static/hello.txt").body()).isEqualTo("static hello");
      assertThat(Http.get(host.port(), "/files/hello.txt").body()).isEqualTo("static hello");
      assertThat(Http.get(host.port(), "/files/secret.txt").statusCode()).isEqualTo(404);
      assertThat(Http.get(host.port(), "/static/missing.txt").statusCode()).isEqualTo(404);
    }
  }
}
