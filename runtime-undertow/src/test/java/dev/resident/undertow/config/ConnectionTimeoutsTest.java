package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.app;
import static dev.resident.undertow.config.Fixtures.load;
import static dev.resident.undertow.config.Fixtures.problems;
import static dev.resident.undertow.config.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-SEC-4: {@code resident.request_parse_timeout} and {@code resident.idle_timeout}, application-wide. */
class ConnectionTimeoutsTest {

  @Test
  @DisplayName("R-SEC-4 defaults: 30s to parse a request, 5m idle")
  void defaults() {
    assertThat(load(app()).connectionTimeouts())
        .isEqualTo(new ConnectionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5)));
  }

  @Test
  @DisplayName("R-SEC-4 the default module's resident block sets both")
  void set() {
    var file = yaml("app.yaml", "version: v1\nresident:\n  request_parse_timeout: 250ms\n  idle_timeout: 1.5s\n");
    assertThat(load(file).connectionTimeouts())
        .isEqualTo(new ConnectionTimeouts(Duration.ofMillis(250), Duration.ofMillis(1500)));
  }

  @Test
  @DisplayName("R-SEC-4 the timeouts belong to the default module's files")
  void onlyInDefaultModule() {
    var worker = yaml("worker.yaml", "module: worker\nversion: v1\nresident:\n  idle_timeout: 10s\n");
    assertThat(problems(app(), worker)).containsExactly(
        "worker.yaml:4:17: resident.idle_timeout must be set in the default module's file only,"
            + " found it in module \"worker\"");
  }

  @Test
  @DisplayName("R-SEC-4 from 1ms to 24h, a duration")
  void range() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  request_parse_timeout: 0s\n")))
        .containsExactly("app.yaml:3:26: resident.request_parse_timeout must be a duration from 1ms to 24h,"
            + " found \"0s\"");
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  idle_timeout: 25h\n")))
        .containsExactly("app.yaml:3:17: resident.idle_timeout must be a duration from 1ms to 24h, found \"25h\"");
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  idle_timeout: 30\n")))
        .containsExactly("app.yaml:3:17: resident.idle_timeout must be a duration from 1ms to 24h, found 30");
  }

  @Test
  @DisplayName("R-CFG-5 two files of the default module agree; equal durations written apart agree")
  void filesAgree() {
    var v1 = yaml("app.yaml", "version: v1\nresident:\n  idle_timeout: 60s\n");
    var v2same = yaml("v2.yaml", "module: default\nversion: v2\nresident:\n  idle_timeout: 1m\n");
    assertThat(load(v1, v2same).connectionTimeouts().idleTimeout()).isEqualTo(Duration.ofMinutes(1));

    var v2other = yaml("v2.yaml", "module: default\nversion: v2\nresident:\n  idle_timeout: 2m\n");
    assertThat(problems(v1, v2other)).containsExactly(
        "v2.yaml:4:17: resident.idle_timeout must be \"1m\" as in app.yaml:3:17, found \"2m\"");
  }

  @Test
  @DisplayName("R-SEC-4 values outside 1ms to 24h are refused in code too")
  void checkedInCode() {
    assertThatThrownBy(() -> new ConnectionTimeouts(Duration.ZERO, Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestParseTimeout must be from 1ms to 24h, found PT0S");
  }
}
