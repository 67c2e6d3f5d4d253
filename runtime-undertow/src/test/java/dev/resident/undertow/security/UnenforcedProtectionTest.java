package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnenforcedProtectionTest {

  @Test
  @DisplayName("R-SEC-1 a handler with login: admin stops the host with its file, line and column")
  void loginIsRefused() {
    ConfigException e = refused(
        "version: v1\nhandlers:\n- url: /admin/*\n  servlet: a.B\n  login: admin\n- url: /*\n  servlet: a.C\n");
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).toString())
        .isEqualTo("app.yaml:3:3: default/v1 /admin/* asks for login: admin, which this host does not"
            + " enforce; it refuses to start rather than serve it unprotected");
  }

  @Test
  @DisplayName("R-SEC-2 a handler with secure: always stops the host; secure: optional does not")
  void secureIsRefused() {
    ConfigException e = refused(
        "version: v1\nhandlers:\n- url: /pay\n  servlet: a.B\n  secure: always\n"
            + "- url: /*\n  servlet: a.C\n  secure: optional\n  login: optional\n");
    assertThat(e.errors()).singleElement().asString().contains("/pay asks for secure: always");
  }

  private static ConfigException refused(String yaml) {
    return catchThrowableOfType(
        ConfigException.class,
        () -> ResidentHost.builder().config("app.yaml", yaml).build());
  }
}
