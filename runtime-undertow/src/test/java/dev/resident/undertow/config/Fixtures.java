package dev.resident.undertow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Sources for the tests: fixture files under {@code config/} and inline yaml. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Reads a fixture; its source name is the file name alone, as messages show it.
   *
   * @param path such as {@code seed/app.yaml}
   */
  static ConfigSource fixture(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/config/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      return new ConfigSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An inline source. */
  static ConfigSource yaml(String name, String text) {
    return new ConfigSource(name, text);
  }

  /** The default module file most tests need beside the file they are about. */
  static ConfigSource app() {
    return yaml("app.yaml", "version: v1\n");
  }

  /** A version as the host builder makes one in code, with its source {@code code}. */
  static VersionConfig codeVersion(String module, String version, ScalingConfig scaling, InstanceClass c) {
    return new VersionConfig(
        module,
        version,
        scaling,
        c,
        true,
        10,
        true,
        false,
        null,
        List.of(),
        List.of(),
        Map.of(),
        ResidentSettings.defaultsFor(scaling.type()),
        "code");
  }

  /** Loads sources that must have no error. */
  static LoadedConfig load(ConfigSource... sources) {
    return ConfigLoader.load(List.of(sources), List.of());
  }

  /** Loads sources that must fail, and returns every problem as printed. */
  static List<String> problems(ConfigSource... sources) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> load(sources));
    assertThat(e).as("ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  /** Loads sources that must succeed, and returns the warnings as printed. */
  static List<String> warnings(ConfigSource... sources) {
    return load(sources).warnings().stream().map(ConfigProblem::toString).toList();
  }
}
