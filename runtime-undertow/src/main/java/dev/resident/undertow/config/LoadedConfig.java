package dev.resident.undertow.config;

import java.util.List;
import java.util.Objects;

/**
 * The result of loading configuration without errors.
 *
 * @param application the application, defaults applied
 * @param warnings the problems that did not stop loading, such as ignored keys
 */
public record LoadedConfig(ApplicationConfig application, List<ConfigProblem> warnings) {

  public LoadedConfig {
    Objects.requireNonNull(application, "application");
    warnings = List.copyOf(warnings);
  }
}
