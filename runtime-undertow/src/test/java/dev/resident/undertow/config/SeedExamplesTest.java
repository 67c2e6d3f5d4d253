package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.fixture;
import static dev.resident.undertow.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeedExamplesTest {

  @Test
  @DisplayName("R-CFG-1 seed 004 app.yaml is the default module, automatic scaling, F1")
  void seedAppYaml() {
    ApplicationConfig app = load(fixture("seed/app.yaml")).application();

    assertThat(app.applicationId()).isEqualTo("simple-sample");
    VersionConfig v = app.defaultModule().defaultVersion();
    assertThat(v.key()).isEqualTo("default/uno");
    assertThat(v.scaling()).isEqualTo(ScalingConfig.Automatic.DEFAULTS);
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.F1);
    assertThat(v.threadsafe()).isTrue();
    assertThat(v.source()).isEqualTo("app.yaml");
  }

  @Test
  @DisplayName("R-CFG-1 seed 004 three module files: mobile-frontend automatic, my-module manual B8")
  void seedModuleFiles() {
    LoadedConfig loaded =
        load(
            fixture("seed/app.yaml"),
            fixture("seed/mobile-frontend.yaml"),
            fixture("seed/my-module.yaml"));
    ApplicationConfig app = loaded.application();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(app.modules())
        .extracting(ModuleConfig::name)
        .containsExactly("default", "mobile-frontend", "my-module");
    VersionConfig mobile = app.module("mobile-frontend").orElseThrow().defaultVersion();
    assertThat(mobile.version()).isEqualTo("uno");
    assertThat(mobile.scaling())
        .isEqualTo(new ScalingConfig.Automatic(2, 1, Duration.ZERO, Duration.ofSeconds(1), 20));
    assertThat(mobile.instanceClass()).isEqualTo(InstanceClass.F1);
    VersionConfig worker = app.module("my-module").orElseThrow().defaultVersion();
    assertThat(worker.scaling()).isEqualTo(new ScalingConfig.Manual(1));
    assertThat(worker.instanceClass()).isEqualTo(InstanceClass.B8);
    assertThat(worker.settings()).isEqualTo(ResidentSettings.defaultsFor(ScalingType.MANUAL));
  }

  @Test
  @DisplayName("R-CFG-3 seed 001 backends.yaml: memdb, crawler, worker, cmdline")
  void seedBackends() {
    ApplicationConfig app =
        load(fixture("seed/app.yaml"), fixture("seed/backends.yaml")).application();

    assertThat(app.modules())
        .extracting(ModuleConfig::name)
        .containsExactly("default", "memdb", "crawler", "worker", "cmdline");
    VersionConfig memdb = version(app, "memdb");
    assertThat(memdb.scaling()).isEqualTo(new ScalingConfig.Manual(5));
    assertThat(memdb.instanceClass()).isEqualTo(InstanceClass.B8);
    assertThat(memdb.publicAccess()).isFalse();
    assertThat(memdb.failfast()).isFalse();
    VersionConfig crawler = version(app, "crawler");
    assertThat(crawler.scaling()).isEqualTo(new ScalingConfig.Manual(10));
    assertThat(crawler.instanceClass()).isEqualTo(InstanceClass.B2);
    VersionConfig worker = version(app, "worker");
    assertThat(worker.scaling()).isEqualTo(new ScalingConfig.Manual(1));
    assertThat(worker.failfast()).isTrue();
    VersionConfig cmdline = version(app, "cmdline");
    assertThat(cmdline.scaling())
        .isEqualTo(new ScalingConfig.Basic(1, ScalingConfig.Basic.DEFAULT_IDLE_TIMEOUT));
    assertThat(cmdline.instanceClass()).isEqualTo(InstanceClass.B2);
    for (String backend : List.of("memdb", "crawler", "worker", "cmdline")) {
      VersionConfig v = version(app, backend);
      assertThat(app.module(backend).orElseThrow().versions()).hasSize(1);
      assertThat(v.version()).as(backend).isEqualTo("uno");
      assertThat(v.source()).isEqualTo("backends.yaml");
      assertThat(v.maxConcurrentRequests()).isEqualTo(10);
      assertThat(v.startHandler()).isNull();
    }
  }

  @Test
  @DisplayName("R-CFG-1 seed 002 manual scaling example: B8, 5 instances")
  void seedManualExample() {
    VersionConfig v = load(fixture("seed002/manual.yaml")).application().defaultModule().defaultVersion();

    assertThat(v.key()).isEqualTo("default/uno");
    assertThat(v.scaling()).isEqualTo(new ScalingConfig.Manual(5));
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.B8);
  }

  @Test
  @DisplayName("R-CFG-1 seed 002 basic scaling example: B8, max 11, idle 10m")
  void seedBasicExample() {
    VersionConfig v = load(fixture("seed002/basic.yaml")).application().defaultModule().defaultVersion();

    assertThat(v.scaling()).isEqualTo(new ScalingConfig.Basic(11, Duration.ofMinutes(10)));
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.B8);
    assertThat(v.settings()).isEqualTo(ResidentSettings.defaultsFor(ScalingType.BASIC));
  }

  @Test
  @DisplayName("R-CFG-1 seed 002 automatic scaling example: F2, min idle 5, max pending 30ms, 50")
  void seedAutomaticExample() {
    VersionConfig v =
        load(fixture("seed002/automatic.yaml")).application().defaultModule().defaultVersion();

    assertThat(v.scaling())
        .isEqualTo(new ScalingConfig.Automatic(5, 1, Duration.ZERO, Duration.ofMillis(30), 20));
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.F2);
    assertThat(v.maxConcurrentRequests()).isEqualTo(50);
  }

  private static VersionConfig version(ApplicationConfig app, String module) {
    return app.module(module).orElseThrow().defaultVersion();
  }
}
