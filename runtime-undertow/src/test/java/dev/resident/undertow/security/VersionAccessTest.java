package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.AccessRule.AuthFailAction;
import dev.resident.undertow.config.AccessRule.Secure;
import dev.resident.undertow.config.HandlerConfig.Login;
import dev.resident.undertow.config.Origin;
import dev.resident.undertow.config.VersionConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-1 R-SEC-2 which rules cover a request: all that match, the strictest login, TLS if any asks")
class VersionAccessTest {

  private static final Origin HERE = new Origin("web.xml", 1, 1);

  private static VersionAccess access(AccessRule... rules) {
    VersionConfig base = VersionBuilder.automatic("default", "v1").build();
    VersionConfig version = new VersionConfig(base.module(), base.version(), base.scaling(), base.instanceClass(),
        base.threadsafe(), base.maxConcurrentRequests(), base.publicAccess(), base.failfast(), base.startHandler(),
        base.handlers(), List.of(rules), base.envVariables(), base.settings(), base.source());
    return new VersionAccess(version);
  }

  private static AccessRule rule(String url, Set<String> methods, Login login, Secure secure, AuthFailAction onFail) {
    return new AccessRule(url, methods, login, secure, onFail, HERE);
  }

  @Test
  @DisplayName("a rule with methods (web.xml http-method) covers those methods only")
  void methods() {
    VersionAccess access = access(rule("/orders/*", Set.of("POST", "DELETE"), Login.REQUIRED, Secure.OPTIONAL,
        AuthFailAction.REDIRECT));
    assertThat(access.needs("/orders/1", "GET")).isEqualTo(VersionAccess.Needs.NOTHING);
    assertThat(access.needs("/orders/1", "POST").login()).isEqualTo(Login.REQUIRED);
    assertThat(access.needs("/orders/1", "DELETE").login()).isEqualTo(Login.REQUIRED);
  }

  @Test
  @DisplayName("overlapping rules: admin beats required, TLS from any, unauthorized beats redirect")
  void overlapping() {
    VersionAccess access = access(
        rule("/*", Set.of(), Login.REQUIRED, Secure.OPTIONAL, AuthFailAction.REDIRECT),
        rule("/admin/*", Set.of(), Login.ADMIN, Secure.OPTIONAL, AuthFailAction.UNAUTHORIZED),
        rule("*.pay", Set.of(), Login.OPTIONAL, Secure.ALWAYS, AuthFailAction.REDIRECT));
    VersionAccess.Needs home = access.needs("/home", "GET");
    assertThat(home.login()).isEqualTo(Login.REQUIRED);
    assertThat(home.secure()).isFalse();
    assertThat(home.onFail()).isEqualTo(AuthFailAction.REDIRECT);
    VersionAccess.Needs admin = access.needs("/admin/x.pay", "GET");
    assertThat(admin.login()).isEqualTo(Login.ADMIN);
    assertThat(admin.secure()).isTrue();
    assertThat(admin.onFail()).isEqualTo(AuthFailAction.UNAUTHORIZED);
    assertThat(access(rule("*.pay", Set.of(), Login.OPTIONAL, Secure.ALWAYS, AuthFailAction.REDIRECT))
        .needs("/cart/1.pay", "POST")).isEqualTo(new VersionAccess.Needs(Login.OPTIONAL, true, AuthFailAction.REDIRECT));
  }

  @Test
  @DisplayName("a public version without rules is open; a private one is not")
  void open() {
    assertThat(access().open()).isTrue();
    assertThat(new VersionAccess(VersionBuilder.manual("worker", "v1", 1).privateAccess().build()).open()).isFalse();
  }
}
