package dev.resident.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * This module depends on runtime-undertow without its optional Micrometer dependencies, so its tests run
 * the host as an application without Micrometer does (R-OPS-3).
 */
class WithoutMicrometerTest {

  @Test
  @DisplayName("R-OPS-3 without Micrometer the host runs, its admin API serves and /_ah/metrics says what to add")
  void hostRunsWithoutMicrometer() throws Exception {
    assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
        .isInstanceOf(ClassNotFoundException.class);
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.servlet("/*", WorkerServlet.class)).build()) {
      host.start();

      HttpResponse<String> metrics = get(host.port(), "/_ah/metrics");

      assertThat(metrics.statusCode()).isEqualTo(404);
      assertThat(metrics.body()).contains("micrometer-registry-prometheus");
      assertThat(get(host.port(), "/_ah/admin/api/modules").statusCode()).isEqualTo(200);
      assertThat(host.operations().prometheus()).isFalse();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
