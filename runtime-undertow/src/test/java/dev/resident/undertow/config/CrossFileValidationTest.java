package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.app;
import static dev.resident.undertow.config.Fixtures.codeVersion;
import static dev.resident.undertow.config.Fixtures.problems;
import static dev.resident.undertow.config.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per rule that spans files, backends and dispatch, each asserting the exact message. */
class CrossFileValidationTest {

  @Test
  @DisplayName("R-MOD-2 a missing default module is an error naming the first file")
  void defaultModuleRequired() {
    assertThat(problems(yaml("worker.yaml", "module: worker\nversion: v1\n")))
        .containsExactly(
            "worker.yaml:1:1: module must be \"default\" in one of the files, found only \"worker\"");
  }

  @Test
  @DisplayName("R-CFG-5 a module version configured in two files is an error naming both")
  void versionConfiguredTwice() {
    var other = yaml("other.yaml", "module: default\nversion: v1\n");

    assertThat(problems(yaml("app.yaml", "version: v1\n"), other))
        .containsExactly(
            "other.yaml:2:10: version must be unique within module \"default\", found \"v1\" (also in"
                + " app.yaml:1:10)");
  }

  @Test
  @DisplayName("R-CFG-5 files that give different application ids are an error")
  void applicationIdsAgree() {
    var worker = yaml("worker.yaml", "application: two\nmodule: worker\nversion: v1\n");

    assertThat(problems(yaml("app.yaml", "application: one\nversion: v1\n"), worker))
        .containsExactly(
            "worker.yaml:1:14: application must be \"one\" as in app.yaml:1:14, found \"two\"");
  }

  @Test
  @DisplayName("R-CFG-3 default is reserved as a backend name")
  void backendNamedDefault() {
    assertThat(problems(app(), yaml("backends.yaml", "- name: default\n")))
        .containsExactly(
            "backends.yaml:1:9: backends[0].name must be a name other than \"default\", which is"
                + " reserved for the default module, found \"default\"");
  }

  @Test
  @DisplayName("R-CFG-3 backend instances are 1 to 20")
  void backendInstancesRange() {
    assertThat(problems(app(), yaml("backends.yaml", "- name: big\n  instances: 21\n")))
        .containsExactly(
            "backends.yaml:2:14: backends[0].instances must be an integer from 1 to 20, found 21");
  }

  @Test
  @DisplayName("R-CFG-5 a backend named like a module is an error (two modules with one name)")
  void backendNamedLikeAModule() {
    var worker = yaml("worker.yaml", "module: worker\nversion: v1\n");

    assertThat(problems(app(), worker, yaml("backends.yaml", "- name: worker\n")))
        .containsExactly(
            "backends.yaml:1:9: backends[0].name must be a name no other module or backend uses, found"
                + " \"worker\" (also in worker.yaml:1:9)");
  }

  @Test
  @DisplayName("R-CFG-3 an unknown backend option is an error with a suggestion")
  void unknownBackendOption() {
    var backends = yaml("backends.yaml", "- name: w\n  options: dynamic, failfst\n");

    assertThat(problems(app(), backends))
        .containsExactly(
            "backends.yaml:2:12: backends[0].options must be a comma-separated list of dynamic, public,"
                + " failfast, found \"failfst\"; did you mean failfast?");
  }

  @Test
  @DisplayName("R-MOD-4 a backend class is a B class")
  void backendClass() {
    assertThat(problems(app(), yaml("backends.yaml", "- name: w\n  class: F1\n")))
        .containsExactly(
            "backends.yaml:2:10: backends[0].class must be one of B1, B2, B4, B4_1G, B8 for manual"
                + " scaling, found \"F1\"");
  }

  @Test
  @DisplayName("R-CFG-3 a backend name is required")
  void backendNameRequired() {
    assertThat(problems(app(), yaml("backends.yaml", "backends:\n- instances: 2\n")))
        .containsExactly(
            "backends.yaml:2:3: backends[0].name must be a name of 1 to 63 letters, digits and hyphens,"
                + " not starting or ending with a hyphen, found nothing");
  }

  @Test
  @DisplayName("R-CFG-4 a dispatch rule names a configured module")
  void dispatchModuleExists() {
    var dispatch = yaml("dispatch.yaml", "dispatch:\n  - url: \"*/mobile/*\"\n    module: mobile\n");

    assertThat(problems(app(), dispatch))
        .containsExactly(
            "dispatch.yaml:3:13: dispatch[0].module must be a configured module (default), found"
                + " \"mobile\"");
  }

  @Test
  @DisplayName("R-CFG-4 at most 20 dispatch rules")
  void dispatchRuleLimit() {
    String rules = "  - url: \"*/x/*\"\n    module: default\n".repeat(21);

    assertThat(problems(app(), yaml("dispatch.yaml", "dispatch:\n" + rules)))
        .containsExactly("dispatch.yaml:2:3: dispatch must be a list of at most 20 rules, found 21");
  }

  @Test
  @DisplayName("R-CFG-4 a dispatch url is host/path")
  void dispatchUrlForm() {
    assertThat(problems(app(), yaml("dispatch.yaml", "dispatch:\n- url: mobile\n  module: default\n")))
        .containsExactly(
            "dispatch.yaml:2:8: dispatch[0].url must be host/path with * wildcards at the start of the"
                + " host or the end of the path, such as */mobile/* or example.com/api/*, found"
                + " \"mobile\"");
  }

  @Test
  @DisplayName("R-CFG-4 dispatch rules come from one file")
  void oneDispatchFile() {
    var first = yaml("dispatch.yaml", "dispatch:\n- url: \"*/a/*\"\n  module: default\n");
    var second = yaml("more.yaml", "dispatch:\n- url: \"*/b/*\"\n  module: default\n");

    assertThat(problems(app(), first, second))
        .containsExactly(
            "more.yaml:1:1: dispatch must be given in one file only, found a second list (the first is"
                + " at dispatch.yaml:1:1)");
  }

  @Test
  @DisplayName("R-CFG-5 versions made in code go through the same checks, named by their source")
  void codeVersionChecked() {
    VersionConfig code =
        codeVersion("default", "v1", new ScalingConfig.Manual(1), InstanceClass.B2);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(List.of(app()), List.of(code)));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "code: version must be unique within module \"default\", found \"v1\" (also in"
                + " app.yaml:1:10)");
  }

  @Test
  @DisplayName("R-MOD-4 a version made in code has an instance class fitting its scaling")
  void codeVersionInstanceClass() {
    VersionConfig code =
        codeVersion("default", "v1", ScalingConfig.Automatic.DEFAULTS, InstanceClass.B8);

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(List.of(), List.of(code)));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "code: instance_class must be one of F1, F2, F4, F4_1G for automatic scaling, found \"B8\"",
            "code: module must be \"default\" in one of the files, found nothing");
  }

  @Test
  @DisplayName("R-CFG-5 an unreadable file is reported with the other problems")
  void unreadableFile(@TempDir Path dir) {
    Path missing = dir.resolve("app.yaml");

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(List.of(missing)));

    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            missing + ": cannot read the file: NoSuchFileException " + missing);
  }

  @Test
  @DisplayName("R-CFG-5 the exception message lists every problem, one a line")
  void exceptionMessage() {
    var file = yaml("app.yaml", "version: v1\nthreadsafe: maybe\nlibraries: []\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> Fixtures.load(file));

    assertThat(e.getMessage())
        .isEqualTo(
            "app.yaml:2:13: threadsafe must be true or false, found \"maybe\"\n"
                + "app.yaml:3:1: warning: libraries is accepted for App Engine compatibility and ignored");
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).field()).isEqualTo("threadsafe");
  }
}
