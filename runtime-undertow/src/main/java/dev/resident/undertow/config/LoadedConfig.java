package dev.resident.undertow.config;

import java.util.List;
import java.util.Objects;

/**
 * The result of loading configuration without errors.
 *
 * @param application the application, defaults applied
 * @param warnings the problems that did not stop loading, such as ignored keys
 * @param connectionTimeouts {@code resident.request_parse_timeout} and {@code resident.idle_timeout}
 */
public record LoadedConfig(
    ApplicationConfig application, List<ConfigProblem> warnings, ConnectionTimeouts connectionTimeouts) {

  public LoadedConfig {
    Objects.requireNonNull(application, "application");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(connectionTimeouts, "connectionTimeouts");
  }

  /**
   * A result with the default connection timeouts.
   *
   * @param application the application, defaults applied
   * @param warnings the problems that did not stop loading
   */
  public LoadedConfig(ApplicationConfig application, List<ConfigProblem> warnings) {
    this(application, warnings, ConnectionTimeouts.DEFAULTS);
  }
}
