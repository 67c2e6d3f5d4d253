package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.host.Await;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-1 login: required and admin, enforced before admission")
class LoginTest {

  static final String HANDLERS = """
      application: sec
      version: v1
      manual_scaling:
        instances: 1
      handlers:
      - url: /admin/*
        servlet: dev.resident.undertow.security.Who
        login: admin
      - url: /account/*
        servlet: dev.resident.undertow.security.Who
        login: required
        auth_fail_action: unauthorized
      - url: /me/*
        servlet: dev.resident.undertow.security.Who
        login: required
      - url: /*
        servlet: dev.resident.undertow.security.Who
      """;

  private static final String IAP = IdentityHeaderAuthenticator.IAP_EMAIL;
  private final Client client = new Client();

  @BeforeEach
  void reset() {
    Who.CALLS.set(0);
  }

  private static ResidentHost host(String resident) {
    ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).clock(new VirtualClock())
        .config("app.yaml", HANDLERS + "resident:\n" + resident).build();
    host.start();
    Await.until("default/0 serves", () -> host.instanceState("default", null, "0") == InstanceState.SERVING);
    Await.until("the start request counted", () -> host.stats("default", null, "0").getRequestsTotal() == 1);
    Who.CALLS.set(0);
    return host;
  }

  private static ResidentHost behindProxy(String proxies) {
    return host("""
          trusted_proxies: %s
          authenticator: identity-headers
          admins: Boss@Example.com, ops
          login_url: https://login.example.com/signin?app=sec
          admin_token: tok-0123456789
        """.formatted(proxies));
  }

  @Test
  @DisplayName("not signed in: 302 to the login URL with the original URL, or 401 with auth_fail_action: unauthorized; no slot taken, no user code")
  void notSignedIn() {
    try (ResidentHost host = behindProxy("127.0.0.1, ::1")) {
      HttpResponse<String> admin = client.get(host.port(), "/admin/users?page=2");
      assertThat(admin.statusCode()).isEqualTo(302);
      assertThat(admin.headers().firstValue("Location")).hasValue("https://login.example.com/signin?app=sec&continue="
          + "http%3A%2F%2F127.0.0.1%3A" + host.port() + "%2Fadmin%2Fusers%3Fpage%3D2");
      assertThat(client.get(host.port(), "/me/x").statusCode()).isEqualTo(302);
      HttpResponse<String> account = client.get(host.port(), "/account/x");
      assertThat(account.statusCode()).isEqualTo(401);
      assertThat(account.body()).isEqualTo("sign in first\n");
      assertThat(client.send("POST", URI.create("http://127.0.0.1:" + host.port() + "/account/x")).statusCode()).isEqualTo(401);
      assertThat(Who.CALLS.get()).isZero();
      assertThat(host.stats("default", null, "0").getRequestsTotal()).as("no slot taken: the start request only").isEqualTo(1);
      assertThat(client.get(host.port(), "/open").body()).startsWith("GET /open user=- admin=false");
    }
  }

  @Test
  @DisplayName("identity headers of IAP and oauth2-proxy from a trusted proxy sign in; admins from resident.admins; others get 403 on admin URLs")
  void identityHeaders() {
    try (ResidentHost host = behindProxy("10.0.0.0/8, 127.0.0.1")) {
      HttpResponse<String> alice = client.get(host.port(), "/me/x", IAP, "accounts.google.com:alice@example.com");
      assertThat(alice.statusCode()).isEqualTo(200);
      assertThat(alice.body()).startsWith("GET /me/x user=alice@example.com admin=false remote=alice@example.com");
      HttpResponse<String> notAdmin = client.get(host.port(), "/admin/x", IAP, "accounts.google.com:alice@example.com");
      assertThat(notAdmin.statusCode()).isEqualTo(403);
      assertThat(notAdmin.body()).isEqualTo("admins only\n");
      assertThat(client.get(host.port(), "/admin/x", IAP, "accounts.google.com:boss@example.com").body())
          .startsWith("GET /admin/x user=boss@example.com admin=true");
      assertThat(client.get(host.port(), "/admin/x", "X-Forwarded-Email", "BOSS@example.com").body())
          .startsWith("GET /admin/x user=BOSS@example.com admin=true");
      assertThat(client.get(host.port(), "/admin/x", "X-Forwarded-User", "ops").body())
          .startsWith("GET /admin/x user=ops admin=true");
      assertThat(client.get(host.port(), "/open", "X-Forwarded-User", "bob").body())
          .as("a principal on URLs without login too").startsWith("GET /open user=bob admin=false");
      assertThat(client.get(host.port(), "/me/x", IAP, "a@example.com", IAP, "b@example.com").statusCode())
          .as("two identities are none").isEqualTo(302);
    }
  }

  @Test
  @DisplayName("identity headers from an address that is not a trusted proxy are stripped before user code and sign no one in")
  void untrustedIdentityHeaders() {
    try (ResidentHost host = behindProxy("10.0.0.0/8, 2001:db8::/32")) {
      assertThat(client.get(host.port(), "/me/x", IAP, "accounts.google.com:boss@example.com").statusCode()).isEqualTo(302);
      assertThat(client.get(host.port(), "/admin/x", "X-Forwarded-Email", "boss@example.com").statusCode()).isEqualTo(302);
      assertThat(client.get(host.port(), "/open", IAP, "accounts.google.com:boss@example.com",
              "X-Forwarded-Email", "boss@example.com", "X-Forwarded-User", "boss", "X-Goog-IAP-JWT-Assertion", "e30")
          .body()).isEqualTo("GET /open user=- admin=false remote=- seen=[]");
      assertThat(Who.CALLS.get()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("admins: the admin token (stripped before user code), a signed internal request; a wrong token is not signed in")
  void adminTokenAndInternal() {
    try (ResidentHost host = behindProxy("10.0.0.1")) {
      assertThat(client.get(host.port(), "/admin/x", "Authorization", "Bearer tok-0123456789").body())
          .isEqualTo("GET /admin/x user=- admin=false remote=- seen=[]");
      assertThat(client.get(host.port(), "/admin/x", "Authorization", "bearer tok-0123456789").statusCode()).isEqualTo(200);
      assertThat(client.get(host.port(), "/admin/x", "Authorization", "Bearer tok-012345678").statusCode()).isEqualTo(302);
      assertThat(client.get(host.port(), "/admin/x", "Authorization", "Basic tok-0123456789").statusCode()).isEqualTo(302);
      assertThat(client.get(host.port(), "/account/x", "Authorization", "Bearer tok-0123456789").statusCode())
          .as("an admin may call login: required URLs").isEqualTo(200);
      assertThat(client.signed(host, "GET", host.port(), "/admin/x").statusCode()).isEqualTo(200);
      assertThat(client.signed(host, "DELETE", host.port(), "/account/x").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("the continue URL never names another host: a foreign Host header or a path of two slashes gives a path")
  void noOpenRedirect() {
    try (ResidentHost host = behindProxy("10.0.0.1")) {
      String foreign = Raw.get(host.port(), "evil.example.net", "/admin/x?a=1");
      assertThat(Raw.status(foreign)).isEqualTo(302);
      assertThat(continueOf(foreign)).isEqualTo("/admin/x?a=1");
      String twoSlashes = Raw.get(host.port(), "evil.example.net", "//evil.example.net/../admin/x");
      assertThat(Raw.status(twoSlashes)).isEqualTo(302);
      assertThat(continueOf(twoSlashes)).startsWith("/").doesNotStartWith("//");
      assertThat(Raw.status(Raw.get(host.port(), "127.0.0.1:" + host.port(), "/\\evil.example.net/../admin/x")))
          .as("a backslash is not a path character").isEqualTo(400);
      String encoded = Raw.get(host.port(), "127.0.0.1:" + host.port(), "/%5Cevil.example.net/../admin/x");
      assertThat(continueOf(encoded)).startsWith("http://127.0.0.1:" + host.port() + "/");
      String own = Raw.get(host.port(), "login.example.com", "//admin/x");
      assertThat(continueOf(own)).isEqualTo("http://login.example.com/admin/x");
      assertThat(Raw.status(Raw.get(host.port(), "localhost@evil.example.net", "/admin/x"))).isEqualTo(400);
      String subdomain = Raw.get(host.port(), "login.example.com.evil.example.net", "/admin/x");
      assertThat(continueOf(subdomain)).isEqualTo("/admin/x");
      assertThat(Who.CALLS.get()).isZero();
    }
  }

  @Test
  @DisplayName("no spelling of a protected path gets past: dot segments, double slashes, encoded characters")
  void pathSpellings() {
    try (ResidentHost host = behindProxy("10.0.0.1")) {
      for (String path : new String[] {"/open/../admin/x", "//admin/x", "/./admin/x", "/%61dmin/x", "/admin%2Fx",
          "/admin;jsessionid=1/x", "/admin"}) {
        String response = Raw.get(host.port(), "127.0.0.1", path);
        assertThat(Raw.status(response)).as(path).isIn(302, 400, 404);
      }
      assertThat(Who.CALLS.get()).isZero();
    }
  }

  @Test
  @DisplayName("an authenticator from the builder, or named by resident.authenticator; one that throws signs no one in")
  void authenticators() {
    try (ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).clock(new VirtualClock())
        .config("app.yaml", HANDLERS).authenticator(new HeaderAuthenticator()).build()) {
      host.start();
      assertThat(client.get(host.port(), "/admin/x", "X-Test-User", "root").body()).startsWith("GET /admin/x user=root admin=true");
      assertThat(client.get(host.port(), "/admin/x", "X-Test-User", "joe").statusCode()).isEqualTo(403);
      assertThat(client.get(host.port(), "/account/x", "X-Test-User", "joe").body()).startsWith("GET /account/x user=joe");
      assertThat(client.get(host.port(), "/account/x", "X-Test-User", "explode").statusCode()).isEqualTo(401);
      assertThat(client.get(host.port(), "/me/x").statusCode()).as("no login URL: 401").isEqualTo(401);
    }
    try (ResidentHost host = host("  authenticator: dev.resident.undertow.security.HeaderAuthenticator\n")) {
      assertThat(client.get(host.port(), "/me/x", "X-Test-User", "joe").body()).startsWith("GET /me/x user=joe admin=false");
    }
  }

  private static String continueOf(String response) {
    String location = Raw.header(response, "Location");
    assertThat(location).as(response).isNotNull();
    assertThat(location).startsWith("https://login.example.com/signin?app=sec&continue=");
    return URLDecoder.decode(location.substring(location.indexOf("continue=") + 9), StandardCharsets.UTF_8);
  }
}
