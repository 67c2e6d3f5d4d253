package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.app;
import static dev.resident.undertow.config.Fixtures.codeVersion;
import static dev.resident.undertow.config.Fixtures.load;
import static dev.resident.undertow.config.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Defaults and what each key sets (R-CFG-1, R-CFG-3, R-CFG-4, R-CFG-6). */
class DefaultsTest {

  @Test
  @DisplayName("R-MOD-1 R-MOD-3 a file with a version only: application app, default module, automatic F1")
  void minimalFile() {
    ApplicationConfig app = load(app()).application();

    assertThat(app.applicationId()).isEqualTo("app");
    assertThat(app.domain()).isNull();
    assertThat(app.adminToken()).isNull();
    assertThat(app.dispatch()).isEmpty();
    VersionConfig v = app.defaultModule().defaultVersion();
    assertThat(v.key()).isEqualTo("default/v1");
    assertThat(v.scaling()).isEqualTo(ScalingConfig.Automatic.DEFAULTS);
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.F1);
    assertThat(v.threadsafe()).isTrue();
    assertThat(v.maxConcurrentRequests()).isEqualTo(10);
    assertThat(v.publicAccess()).isTrue();
    assertThat(v.failfast()).isFalse();
    assertThat(v.startHandler()).isNull();
    assertThat(v.handlers()).isEmpty();
    assertThat(v.envVariables()).isEmpty();
    assertThat(v.settings()).isEqualTo(ResidentSettings.defaultsFor(ScalingType.AUTOMATIC));
    assertThat(v.source()).isEqualTo("app.yaml");
  }

  @Test
  @DisplayName("R-MOD-4 manual and basic scaling default to B2 and their own settings; idle 5m")
  void manualAndBasicDefaults() {
    var worker = yaml("worker.yaml", "module: worker\nversion: v1\nmanual_scaling:\n  instances: 3\n");
    var batch = yaml("batch.yaml", "service: batch\nversion: v1\nbasic_scaling:\n  max_instances: 2\n");

    ApplicationConfig app = load(app(), worker, batch).application();

    VersionConfig w = app.module("worker").orElseThrow().defaultVersion();
    assertThat(w.instanceClass()).isEqualTo(InstanceClass.B2);
    assertThat(w.maxConcurrentRequests()).isEqualTo(10);
    assertThat(w.settings()).isEqualTo(ResidentSettings.defaultsFor(ScalingType.MANUAL));
    VersionConfig b = app.module("batch").orElseThrow().defaultVersion();
    assertThat(b.scaling()).isEqualTo(new ScalingConfig.Basic(2, Duration.ofMinutes(5)));
    assertThat(b.instanceClass()).isEqualTo(InstanceClass.B2);
  }

  @Test
  @DisplayName("R-REQ-1 threadsafe false makes max_concurrent_requests 1")
  void notThreadsafe() {
    var file = yaml("app.yaml", "version: v1\nthreadsafe: false\n");

    VersionConfig v = load(file).application().defaultModule().defaultVersion();

    assertThat(v.threadsafe()).isFalse();
    assertThat(v.maxConcurrentRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName("R-MOD-2 versions of a module keep file order; the first is the default version")
  void versionOrder() {
    var v2 = yaml("app-v2.yaml", "version: v2\n");

    ModuleConfig module = load(app(), v2).application().defaultModule();

    assertThat(module.versions()).extracting(VersionConfig::version).containsExactly("v1", "v2");
    assertThat(module.defaultVersion().source()).isEqualTo("app.yaml");
  }

  @Test
  @DisplayName("R-CFG-6 every resident key overrides its setting")
  void residentBlock() {
    var file =
        yaml(
            "app.yaml",
            """
            version: v1
            manual_scaling:
              instances: 2
            resident:
              request_deadline: 1.5s
              deadline_grace: 250ms
              task_deadline: 1h
              pending_timeout: 2s
              max_pending_requests: 5
              shutdown_grace: 5m
              start_retry_backoff: 100ms
              max_background_threads: 3
              max_concurrent_requests: 4
              port: 8081
              instance_ports: 9000
              max_request_body: 1MB
              max_header_size: 16KB
              max_response_size: 2048
              domain: example.com
              admin_token: s3cret
            """);

    ApplicationConfig app = load(file).application();

    VersionConfig v = app.defaultModule().defaultVersion();
    assertThat(v.settings())
        .isEqualTo(
            new ResidentSettings(
                Duration.ofMillis(1500),
                Duration.ofHours(1),
                Duration.ofMillis(250),
                Duration.ofSeconds(2),
                5,
                Duration.ofMinutes(5),
                Duration.ofMillis(100),
                3,
                8081,
                9000,
                1024 * 1024,
                16 * 1024,
                2048));
    assertThat(v.maxConcurrentRequests()).isEqualTo(4);
    assertThat(app.domain()).isEqualTo("example.com");
    assertThat(app.adminToken()).isEqualTo("s3cret");
  }

  @Test
  @DisplayName("R-CFG-6 request_deadline none removes the automatic 60s deadline")
  void requestDeadlineNone() {
    var file = yaml("app.yaml", "version: v1\nresident:\n  request_deadline: none\n");

    ResidentSettings settings = load(file).application().defaultModule().defaultVersion().settings();

    assertThat(settings.hasRequestDeadline()).isFalse();
    assertThat(settings.taskDeadline()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("R-CFG-1 env_variables keep their string values")
  void envVariables() {
    var file = yaml("app.yaml", "version: v1\nenv_variables:\n  MODE: batch\n  RETRIES: 3\n");

    assertThat(load(file).application().defaultModule().defaultVersion().envVariables())
        .containsExactlyInAnyOrderEntriesOf(Map.of("MODE", "batch", "RETRIES", "3"));
  }

  @Test
  @DisplayName("R-CFG-3 backends share the default version's name, handlers, env and threadsafe")
  void backendsShareTheDefaultVersion() {
    var main =
        yaml(
            "app.yaml",
            """
            version: uno
            threadsafe: false
            handlers:
            - url: /work/*
              servlet: com.example.Work
              login: admin
            env_variables:
              MODE: prod
            """);
    var backends =
        yaml(
            "backends.yml",
            """
            backends:
            - name: loader
              class: B4
              instances: 3
              options: public, failfast
              start: /loader/start
            """);

    ApplicationConfig app = load(main, backends).application();

    VersionConfig def = app.defaultModule().defaultVersion();
    VersionConfig loader = app.module("loader").orElseThrow().defaultVersion();
    assertThat(loader.version()).isEqualTo("uno");
    assertThat(loader.scaling()).isEqualTo(new ScalingConfig.Manual(3));
    assertThat(loader.instanceClass()).isEqualTo(InstanceClass.B4);
    assertThat(loader.handlers()).isEqualTo(def.handlers()).hasSize(1);
    assertThat(loader.envVariables()).isEqualTo(Map.of("MODE", "prod"));
    assertThat(loader.threadsafe()).isFalse();
    assertThat(loader.maxConcurrentRequests()).isEqualTo(1);
    assertThat(loader.publicAccess()).isTrue();
    assertThat(loader.failfast()).isTrue();
    assertThat(loader.startHandler()).isEqualTo("/loader/start");
    assertThat(loader.settings()).isEqualTo(ResidentSettings.defaultsFor(ScalingType.MANUAL));
  }

  @Test
  @DisplayName("R-CFG-3 a backend's max_concurrent_requests sets its concurrency")
  void backendConcurrency() {
    var backends = yaml("backends.yaml", "- name: w\n  max_concurrent_requests: 25\n");

    assertThat(load(app(), backends).application().module("w").orElseThrow().defaultVersion())
        .extracting(VersionConfig::maxConcurrentRequests)
        .isEqualTo(25);
  }

  @Test
  @DisplayName("R-CFG-4 dispatch rules are kept in order, module or service")
  void dispatchRules() {
    var mobile = yaml("mobile.yaml", "module: mobile\nversion: v1\n");
    var dispatch =
        yaml(
            "dispatch.yaml",
            """
            application: app
            dispatch:
            - url: "*/mobile/*"
              module: mobile
            - url: "example.com/"
              service: default
            """);

    assertThat(load(app(), mobile, dispatch).application().dispatch())
        .containsExactly(
            new DispatchRule("*/mobile/*", "mobile"), new DispatchRule("example.com/", "default"));
  }

  @Test
  @DisplayName("R-HOST-1 versions made in code join the yaml ones; the default module comes first")
  void codeVersionsJoin() {
    VersionConfig code =
        codeVersion("default", "main", ScalingConfig.Automatic.DEFAULTS, InstanceClass.F1);
    var worker = yaml("worker.yaml", "module: worker\nversion: v1\n");

    ApplicationConfig app =
        ConfigLoader.load(List.of(worker, yaml("backends.yaml", "- name: cron\n")), List.of(code))
            .application();

    assertThat(app.modules()).extracting(ModuleConfig::name).containsExactly("default", "worker", "cron");
    assertThat(app.module("cron").orElseThrow().defaultVersion().version()).isEqualTo("main");
  }
}
