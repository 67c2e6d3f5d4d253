package dev.resident.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.spi.RequestSigners;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-3 InternalRequests finds the host's signer through the SPI")
class InternalRequestsTest {

  private static final URI URI_OF_WORKER = URI.create("http://localhost:8081/jobs?id=1");

  @Test
  @DisplayName("outside a host, sign throws IllegalStateException saying why")
  void outsideAHost() {
    assertThatThrownBy(() -> InternalRequests.sign("GET", URI_OF_WORKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("InternalRequests.sign was called on thread \"" + Thread.currentThread().getName() + "\"")
        .hasMessageContaining("no Resident host runs in this JVM")
        .hasMessageContaining("runtime-testing");
    assertThatThrownBy(() -> InternalRequests.sign(HttpRequest.newBuilder(URI_OF_WORKER), "GET", URI_OF_WORKER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("the one registered host signs for a thread of no instance; two hosts and no bound context is an error")
  void registeredHosts() {
    try (RequestSigners.Registration first = RequestSigners.register((method, uri) -> "first " + method + " " + uri)) {
      assertThat(InternalRequests.sign("post", URI_OF_WORKER)).isEqualTo("first POST " + URI_OF_WORKER);
      HttpRequest request = InternalRequests.sign(HttpRequest.newBuilder(URI_OF_WORKER), "GET", URI_OF_WORKER).build();
      assertThat(request.headers().firstValue(InternalRequests.HEADER_NAME)).hasValue("first GET " + URI_OF_WORKER);
      try (RequestSigners.Registration second = RequestSigners.register((method, uri) -> "second")) {
        assertThatThrownBy(() -> InternalRequests.sign("GET", URI_OF_WORKER))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 hosts run in this JVM");
      }
      assertThat(InternalRequests.sign("GET", URI_OF_WORKER)).startsWith("first");
    }
  }

  @Test
  @DisplayName("a relative URI, or one without a host, is refused")
  void relative() {
    assertThatThrownBy(() -> InternalRequests.sign("GET", URI.create("/jobs"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InternalRequests.sign("GET", URI.create("mailto:a@b"))).isInstanceOf(IllegalArgumentException.class);
  }
}
