package dev.resident.undertow.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One module and its versions; the first version is the default one (R-MOD-2).
 *
 * @param name the module name
 * @param versions the versions, at least one, the default first
 */
public record ModuleConfig(String name, List<VersionConfig> versions) {

  public ModuleConfig {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("module " + name + " has no version");
    }
  }

  /**
   * Returns the default version.
   *
   * @return the first configured version
   */
  public VersionConfig defaultVersion() {
    return versions.get(0);
  }

  /**
   * Finds a version by name.
   *
   * @param version the version name
   * @return the version, or empty
   */
  public Optional<VersionConfig> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }
}
