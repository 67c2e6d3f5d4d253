package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.app;
import static dev.resident.undertow.config.Fixtures.load;
import static dev.resident.undertow.config.Fixtures.problems;
import static dev.resident.undertow.config.Fixtures.warnings;
import static dev.resident.undertow.config.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One test per rule of a module yaml file, each asserting the exact message (R-CFG-5). */
class ModuleValidationTest {
  private static final String NAME_RULE =
      "a name of 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen";

  @Test
  @DisplayName("R-CFG-5 the message names file, line, column, field, what is allowed and what was found")
  void messageForm() {
    var worker =
        yaml(
            "worker.yaml",
            """
            module: worker
            version: v1
            runtime: java17
            threadsafe: true
            instance_class: B4
            manual_scaling:
              instances: five
            """);

    assertThat(problems(app(), worker))
        .containsExactly(
            "worker.yaml:7:14: manual_scaling.instances must be an integer from 1 to 200, found \"five\"");
  }

  @Test
  @DisplayName("R-CFG-5 unknown key gets a suggestion")
  void unknownKeySuggestion() {
    var file = yaml("app.yaml", "version: v1\nmanual_scaling:\n  instnaces: 5\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:3:3: unknown key manual_scaling.instnaces; did you mean instances?",
            "app.yaml:3:3: manual_scaling.instances must be an integer from 1 to 200, found nothing");
  }

  @Test
  @DisplayName("R-CFG-5 unknown key with no close match lists the allowed keys")
  void unknownKeyWithoutSuggestion() {
    assertThat(problems(yaml("app.yaml", "version: v1\ncolour: blue\n")))
        .containsExactly(
            "app.yaml:2:1: unknown key colour; allowed keys: application, module, service, version,"
                + " runtime, threadsafe, instance_class, automatic_scaling, basic_scaling,"
                + " manual_scaling, handlers, env_variables, resident");
  }

  @Test
  @DisplayName("R-CFG-5 keys App Engine accepts and Resident ignores are warnings; api_version is silent")
  void ignoredKeysWarn() {
    var file =
        yaml("app.yaml", "version: v1\napi_version: 1\nlibraries:\n- name: jinja2\nskip_files: []\n");

    assertThat(warnings(file))
        .containsExactly(
            "app.yaml:3:1: warning: libraries is accepted for App Engine compatibility and ignored",
            "app.yaml:5:1: warning: skip_files is accepted for App Engine compatibility and ignored");
  }

  @Test
  @DisplayName("R-CFG-5 a key given twice in one mapping is an error")
  void duplicateKey() {
    assertThat(problems(yaml("app.yaml", "version: v1\nthreadsafe: true\nthreadsafe: false\n")))
        .containsExactly("app.yaml:3:1: duplicate key threadsafe; the first is at 2:1");
  }

  @Test
  @DisplayName("R-MOD-2 module and version names: letters, digits and hyphens, no hyphen at the ends")
  void names() {
    var file = yaml("app.yaml", "module: -worker\nversion: v_1\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:1:9: module must be " + NAME_RULE + ", found \"-worker\"",
            "app.yaml:2:10: version must be " + NAME_RULE + ", found \"v_1\"");
  }

  @Test
  @DisplayName("R-MOD-2 names are at most 63 characters")
  void nameLength() {
    String longName = "v".repeat(64);

    assertThat(problems(yaml("app.yaml", "version: " + longName + "\n")))
        .containsExactly("app.yaml:1:10: version must be " + NAME_RULE + ", found \"" + longName + "\"");
    assertThat(load(yaml("app.yaml", "version: " + "v".repeat(63) + "\n")).warnings()).isEmpty();
  }

  @Test
  @DisplayName("R-CFG-1 version is required")
  void versionRequired() {
    assertThat(problems(yaml("app.yaml", "runtime: java17\n")))
        .containsExactly("app.yaml:1:1: version must be " + NAME_RULE + ", found nothing");
  }

  @Test
  @DisplayName("R-CFG-1 module and its alias service may not both be given")
  void moduleAndService() {
    assertThat(problems(yaml("app.yaml", "module: default\nservice: default\nversion: v1\n")))
        .containsExactly(
            "app.yaml:2:10: service must be absent when module is given (service is another name for"
                + " module), found \"default\"");
  }

  @Test
  @DisplayName("R-MOD-4 instance class must fit the scaling type")
  void instanceClassFitsScaling() {
    var file = yaml("app.yaml", "version: v1\ninstance_class: F1\nmanual_scaling:\n  instances: 2\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:2:17: instance_class must be one of B1, B2, B4, B4_1G, B8 for manual scaling,"
                + " found \"F1\"");
  }

  @Test
  @DisplayName("R-CFG-1 at most one scaling block")
  void oneScalingBlock() {
    var file =
        yaml(
            "app.yaml",
            "version: v1\nautomatic_scaling:\n  max_instances: 3\nmanual_scaling:\n  instances: 2\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:4:1: manual_scaling must be absent when automatic_scaling is given (one scaling"
                + " block at most), found both");
  }

  @Test
  @DisplayName("R-CFG-5 manual instances are 1 to 200")
  void manualInstancesRange() {
    assertThat(problems(yaml("app.yaml", "version: v1\nmanual_scaling:\n  instances: 201\n")))
        .containsExactly(
            "app.yaml:3:14: manual_scaling.instances must be an integer from 1 to 200, found 201");
  }

  @Test
  @DisplayName("R-CFG-1 basic_scaling.max_instances is required")
  void basicMaxInstancesRequired() {
    assertThat(problems(yaml("app.yaml", "version: v1\nbasic_scaling:\n  idle_timeout: 10m\n")))
        .containsExactly(
            "app.yaml:3:3: basic_scaling.max_instances must be an integer from 1 to 200, found nothing");
  }

  @Test
  @DisplayName("R-CFG-1 automatic max_concurrent_requests is at most 100")
  void automaticConcurrencyLimit() {
    var file = yaml("app.yaml", "version: v1\nautomatic_scaling:\n  max_concurrent_requests: 101\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:3:28: automatic_scaling.max_concurrent_requests must be an integer from 1 to"
                + " 100, found 101");
  }

  @Test
  @DisplayName("R-CFG-1 min_pending_latency is at most max_pending_latency")
  void pendingLatencyOrder() {
    var file =
        yaml(
            "app.yaml",
            "version: v1\nautomatic_scaling:\n  min_pending_latency: 2s\n  max_pending_latency: 1s\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:3:24: automatic_scaling.min_pending_latency must be at most max_pending_latency"
                + " (1s), found \"2s\"");
  }

  @Test
  @DisplayName("R-CFG-1 min_idle_instances is at most max_instances")
  void minIdleWithinMaxInstances() {
    var file =
        yaml("app.yaml", "version: v1\nautomatic_scaling:\n  min_idle_instances: 5\n  max_instances: 3\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:3:23: automatic_scaling.min_idle_instances must be at most max_instances (3),"
                + " found 5");
  }

  @Test
  @DisplayName("R-REQ-1 threadsafe false ignores max_concurrent_requests with a warning")
  void notThreadsafeIgnoresConcurrency() {
    var file =
        yaml(
            "app.yaml",
            "version: v1\nthreadsafe: false\nautomatic_scaling:\n  max_concurrent_requests: 20\n");

    assertThat(warnings(file))
        .containsExactly(
            "app.yaml:4:28: warning: automatic_scaling.max_concurrent_requests is ignored because"
                + " threadsafe is false: an instance serves one request at a time");
    assertThat(load(file).application().defaultModule().defaultVersion().maxConcurrentRequests())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("R-CFG-6 resident.max_concurrent_requests is for manual and basic scaling only")
  void residentConcurrencyNotOnAutomatic() {
    var file = yaml("app.yaml", "version: v1\nresident:\n  max_concurrent_requests: 20\n");

    assertThat(problems(file))
        .containsExactly(
            "app.yaml:3:28: resident.max_concurrent_requests must be set for manual or basic scaling"
                + " only (automatic scaling reads automatic_scaling.max_concurrent_requests), found 20");
  }

  @Test
  @DisplayName("R-CFG-6 durations are written 250ms, 10s, 5m or 1h")
  void durationSyntax() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  pending_timeout: 10\n")))
        .containsExactly(
            "app.yaml:3:20: resident.pending_timeout must be a duration such as 250ms, 10s, 5m or 1h,"
                + " found 10");
  }

  @Test
  @DisplayName("R-CFG-6 start_retry_backoff is at most 30s")
  void startRetryBackoffLimit() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  start_retry_backoff: 1m\n")))
        .containsExactly(
            "app.yaml:3:24: resident.start_retry_backoff must be a duration from 1ms to 30s, found \"1m\"");
  }

  @Test
  @DisplayName("R-CFG-6 request_deadline is a duration above 0 or none")
  void requestDeadline() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  request_deadline: 0s\n")))
        .containsExactly(
            "app.yaml:3:21: resident.request_deadline must be a duration such as 250ms, 10s, 5m or 1h,"
                + " at least 1ms, or none, found \"0s\"");
  }

  @Test
  @DisplayName("R-REQ-6 sizes are written 512B, 8KB or 32MB")
  void sizeSyntax() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  max_request_body: 32 MB\n")))
        .containsExactly(
            "app.yaml:3:21: resident.max_request_body must be a size such as 512B, 8KB or 32MB, at"
                + " least 1B, found \"32 MB\"");
  }

  @Test
  @DisplayName("R-REQ-6 max_header_size is at most 1MB")
  void headerSizeLimit() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  max_header_size: 2MB\n")))
        .containsExactly(
            "app.yaml:3:20: resident.max_header_size must be a size from 1B to 1MB, found \"2MB\"");
  }

  @Test
  @DisplayName("R-CFG-6 ports are 0 to 65535")
  void portRange() {
    assertThat(problems(yaml("app.yaml", "version: v1\nresident:\n  port: 70000\n")))
        .containsExactly("app.yaml:3:9: resident.port must be an integer from 0 to 65535, found 70000");
  }

  @Test
  @DisplayName("R-CFG-6 admin_token and domain belong to the default module's file")
  void adminTokenOnlyInDefaultModule() {
    var worker =
        yaml("worker.yaml", "module: worker\nversion: v1\nresident:\n  admin_token: secret\n");

    assertThat(problems(app(), worker))
        .containsExactly(
            "worker.yaml:4:16: resident.admin_token must be set in the default module's file only,"
                + " found it in module \"worker\"");
  }

  @Test
  @DisplayName("R-CFG-1 env_variables maps names to strings")
  void envVariablesAreStrings() {
    assertThat(problems(yaml("app.yaml", "version: v1\nenv_variables:\n  A: [1]\n")))
        .containsExactly("app.yaml:3:6: env_variables.A must be a string, found a list");
  }

  @Test
  @DisplayName("R-CFG-1 threadsafe is true or false")
  void threadsafeBoolean() {
    assertThat(problems(yaml("app.yaml", "version: v1\nthreadsafe: maybe\n")))
        .containsExactly("app.yaml:2:13: threadsafe must be true or false, found \"maybe\"");
  }

  @Test
  @DisplayName("R-CFG-1 a module yaml file is a mapping")
  void fileIsAMapping() {
    assertThat(problems(yaml("app.yaml", "hello\n")))
        .first()
        .asString()
        .startsWith("app.yaml:1:1: the file must be a mapping of application, module,")
        .endsWith(", found \"hello\"");
  }
}
