package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigSource;
import dev.resident.undertow.config.SecuritySettings;
import io.undertow.server.HttpHandler;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-1 R-SEC-2 the security settings, and fail closed")
class SecurityPlanTest {

  private static final HttpHandler NEXT = exchange -> { };

  private static ApplicationConfig load(String app, String backends) {
    List<ConfigSource> sources = backends == null
        ? List.of(new ConfigSource("app.yaml", app))
        : List.of(new ConfigSource("app.yaml", app), new ConfigSource("backends.yaml", backends));
    return ConfigLoader.load(sources, List.of()).application();
  }

  private static List<String> errors(String app) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ResidentHost.builder().config("app.yaml", app).build());
    assertThat(e).as("refused").isNotNull();
    return e.errors().stream().map(Object::toString).toList();
  }

  @Test
  @DisplayName("the resident block's security settings are read, lists separated by commas or spaces; the password is never shown")
  void settings() {
    SecuritySettings s = load("""
        version: v1
        resident:
          trusted_proxies: 10.0.0.0/8, 2001:db8::/32  127.0.0.1
          authenticator: identity-headers
          admins: a@example.com,b@example.com
          login_url: /login
          internal_secret_file: secret.txt
          https_port: 8443
          tls_keystore: tls.p12
          tls_keystore_password: hunter2
        """, null).security();
    assertThat(s.trustedProxies()).containsExactly("10.0.0.0/8", "2001:db8::/32", "127.0.0.1");
    assertThat(s.admins()).containsExactly("a@example.com", "b@example.com");
    assertThat(s.authenticator()).isEqualTo("identity-headers");
    assertThat(s.loginUrl()).isEqualTo("/login");
    assertThat(s.internalSecretFile()).isEqualTo("secret.txt");
    assertThat(s.httpsPort()).isEqualTo(8443);
    assertThat(s.tlsKeystore()).isEqualTo("tls.p12");
    assertThat(s.toString()).doesNotContain("hunter2");
    assertThat(s.origin().line()).isEqualTo(3);
    assertThat(load("version: v1\n", null).security()).isEqualTo(SecuritySettings.NONE);
  }

  @Test
  @DisplayName("bad settings name file, line, column and field")
  void badSettings() {
    assertThat(errors("version: v1\nresident:\n  trusted_proxies: proxy.example.com\n"))
        .singleElement().asString().startsWith("app.yaml:3:20: resident.trusted_proxies");
    assertThat(errors("version: v1\nresident:\n  trusted_proxies: 10.0.0.0/40\n"))
        .singleElement().asString().contains("prefix length");
    assertThat(errors("version: v1\nresident:\n  https_port: 8443\n")).singleElement().asString().contains("resident.https_port");
    assertThat(errors("version: v1\nresident:\n  tls_keystore: a.p12\n")).singleElement().asString().contains("with https_port");
    assertThat(errors("version: v1\nresident:\n  https_port: 1\n  tls_keystore: a.p12\n  tls_certificate: a.crt\n  tls_key: a.key\n"))
        .anyMatch(e -> e.contains("resident.tls_certificate"));
    assertThat(errors("version: v1\nresident:\n  https_port: 1\n  tls_certificate: a.crt\n")).anyMatch(e -> e.contains("tls_key"));
    assertThat(errors("version: v1\nresident:\n  login_url: javascript:alert(1)\n")).singleElement().asString().contains("resident.login_url");
    assertThat(errors("version: v1\nresident:\n  https_port: 70000\n  tls_keystore: a.p12\n")).anyMatch(e -> e.contains("resident.https_port"));
    assertThat(catchThrowableOfType(ConfigException.class, () -> ResidentHost.builder()
        .config("app.yaml", "version: v1\n")
        .config("worker.yaml", "module: worker\nversion: v1\nresident:\n  trusted_proxies: 10.0.0.1\n").build()).errors())
        .singleElement().asString().contains("set in the default module's file only");
  }

  @Test
  @DisplayName("fail closed: login: required with no authenticator, identity-headers with no trusted proxy, an authenticator class that cannot be made")
  void failsClosed() {
    assertThat(errors("version: v1\nhandlers:\n- url: /me/*\n  servlet: a.B\n  login: required\n"))
        .singleElement().asString().isEqualTo("app.yaml:3:3: default/v1 /me/* asks for login: required, and the host has"
            + " no authenticator to sign callers in: set resident.authenticator (identity-headers behind an identity-aware"
            + " proxy, or a class) or give one to the builder; it refuses to start rather than serve it to anyone");
    assertThat(errors("version: v1\nresident:\n  authenticator: identity-headers\n"))
        .singleElement().asString().contains("resident.trusted_proxies is not set");
    assertThat(errors("version: v1\nresident:\n  authenticator: com.example.Missing\n"))
        .singleElement().asString().contains("com.example.Missing cannot be made");
    assertThat(errors("version: v1\nresident:\n  authenticator: java.lang.String\n"))
        .singleElement().asString().contains("does not implement");
    ApplicationConfig adminOnly = load("version: v1\nhandlers:\n- url: /cron/*\n  servlet: a.B\n  login: admin\n", null);
    assertThat(SecurityPlan.check(adminOnly, getClass().getClassLoader(), java.nio.file.Path.of(".")))
        .as("login: admin works with internal requests (cron, tasks) alone").isEmpty();
  }

  @Test
  @DisplayName("R-SEC-3 the shared secret: RESIDENT_INTERNAL_SECRET wins over resident.internal_secret_file; an unreadable or short one stops the host")
  void sharedSecret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("secret.txt"), "short\n");
    ApplicationConfig config = load("version: v1\nresident:\n  internal_secret_file: secret.txt\n", null);
    assertThat(SecurityPlan.check(config, getClass().getClassLoader(), dir)).singleElement().asString()
        .startsWith("app.yaml:3:25: The internal secret of resident.internal_secret_file")
        .contains("at least 32").doesNotContain("short\n");
    assertThat(SecurityPlan.check(config, getClass().getClassLoader(), dir.resolve("elsewhere"))).singleElement()
        .asString().contains("cannot be read");
    java.nio.file.Files.writeString(dir.resolve("secret.txt"), "s".repeat(40) + "\n");
    assertThat(SecurityPlan.of(config, null, getClass().getClassLoader(), dir, java.util.Map.of())
        .internalSecret().source()).startsWith("resident.internal_secret_file");
    assertThat(SecurityPlan.of(config, null, getClass().getClassLoader(), dir,
        java.util.Map.of(InternalSecret.ENV, "e".repeat(40))).internalSecret().source()).contains("RESIDENT_INTERNAL_SECRET");
  }

  @Test
  @DisplayName("R-PERF-1 a public version with no rule gets no access handler in its chain; a private or protected one does")
  void chains() {
    ApplicationConfig config = load("version: v1\nhandlers:\n- url: /cron/*\n  servlet: a.B\n  login: admin\n",
        "- name: worker\n- name: open\n  options: public\n");
    ApplicationConfig open = load("version: v1\n", "- name: open\n  options: public\n");
    SecurityPlan plan = SecurityPlan.of(config, null, getClass().getClassLoader(), java.nio.file.Path.of("."), java.util.Map.of());
    assertThat(plan.guard(config.module("open").orElseThrow().versions().get(0), NEXT)).asString()
        .as("backends share the default module's handlers, and so their rules").startsWith("access(open/v1 [/cron/*:admin])");
    assertThat(plan.guard(config.module("worker").orElseThrow().versions().get(0), NEXT)).isInstanceOf(AccessHandler.class)
        .asString().startsWith("access(worker/v1 private [/cron/*:admin]) -> ");
    assertThat(plan.guard(config.defaultModule().versions().get(0), NEXT)).asString()
        .startsWith("access(default/v1 [/cron/*:admin])");
    assertThat(plan.guardRouted(NEXT)).isInstanceOf(AccessHandler.class);
    SecurityPlan openPlan = SecurityPlan.of(open, null, getClass().getClassLoader(), java.nio.file.Path.of("."), java.util.Map.of());
    assertThat(openPlan.guardRouted(NEXT)).isSameAs(NEXT);
    assertThat(openPlan.guard(open.defaultModule().versions().get(0), NEXT)).isSameAs(NEXT);
  }
}
