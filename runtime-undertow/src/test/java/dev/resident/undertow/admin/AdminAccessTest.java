package dev.resident.undertow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.resident.undertow.ResidentHost;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-OPS-1 access rule of the operations paths")
class AdminAccessTest {

  private static final String APP = """
      application: app
      version: v1
      runtime: java17
      resident:
        admin_token: s3cret-token
      """;

  @Test
  @DisplayName("without a token: loopback clients only (IPv4 and IPv6), others 403")
  void loopbackOnly() {
    AdminAccess access = AdminAccess.of(null);

    assertThat(access.judge(exchange("127.0.0.1", null))).isEqualTo(AdminAccess.Verdict.ALLOWED);
    assertThat(access.judge(exchange("::1", null))).isEqualTo(AdminAccess.Verdict.ALLOWED);
    assertThat(access.judge(exchange("192.0.2.7", null))).isEqualTo(AdminAccess.Verdict.NOT_LOOPBACK);
    assertThat(access.judge(exchange("192.0.2.7", "Bearer anything"))).isEqualTo(AdminAccess.Verdict.NOT_LOOPBACK);
  }

  @Test
  @DisplayName("with a token: the bearer token from anywhere, nothing without it, loopback included")
  void token() {
    AdminAccess access = AdminAccess.of("s3cret");

    assertThat(access.judge(exchange("192.0.2.7", "Bearer s3cret"))).isEqualTo(AdminAccess.Verdict.ALLOWED);
    assertThat(access.judge(exchange("192.0.2.7", "bearer s3cret"))).isEqualTo(AdminAccess.Verdict.ALLOWED);
    assertThat(access.judge(exchange("127.0.0.1", null))).isEqualTo(AdminAccess.Verdict.NO_TOKEN);
    assertThat(access.judge(exchange("127.0.0.1", "Bearer s3cre"))).isEqualTo(AdminAccess.Verdict.NO_TOKEN);
    assertThat(access.judge(exchange("127.0.0.1", "Bearer s3cretX"))).isEqualTo(AdminAccess.Verdict.NO_TOKEN);
    assertThat(access.judge(exchange("127.0.0.1", "Basic s3cret"))).isEqualTo(AdminAccess.Verdict.NO_TOKEN);
  }

  @Test
  @DisplayName("a host with resident.admin_token: API and metrics need the token; the console page opens to ask for it")
  void hostWithToken() {
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).config("app.yaml", APP)
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build()) {
      host.start();
      int port = host.port();

      Api.Answer none = Api.get(port, "/_ah/admin/api/modules");
      Api.Answer wrong = Api.get(port, "/_ah/admin/api/modules", "Authorization", "Bearer guess");
      Api.Answer right = Api.get(port, "/_ah/admin/api/modules", "Authorization", "Bearer s3cret-token");

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(none.json().get("message").asText()).contains("Authorization: Bearer");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(right.status()).isEqualTo(200);
      assertThat(Api.get(port, "/_ah/metrics").status()).isEqualTo(401);
      assertThat(Api.get(port, "/_ah/metrics", "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
      assertThat(Api.call(port, "POST", "/_ah/admin/api/modules/default/versions/v1/stop",
          "X-Resident-Admin", "1").status()).isEqualTo(401);
      assertThat(Api.get(port, "/_ah/admin").status()).isEqualTo(200);
      assertThat(Api.get(port, "/_ah/health/ready").status()).isEqualTo(200);
    }
  }

  private static HttpServerExchange exchange(String address, String authorization) {
    HttpServerExchange exchange = mock(HttpServerExchange.class);
    when(exchange.getSourceAddress()).thenReturn(new InetSocketAddress(address, 40000));
    HeaderMap headers = new HeaderMap();
    if (authorization != null) {
      headers.put(Headers.AUTHORIZATION, authorization);
    }
    when(exchange.getRequestHeaders()).thenReturn(headers);
    return exchange;
  }
}
