package dev.resident.undertow.config;

import java.util.List;

/** The kinds of configuration file, told apart by name and shape. */
enum FileKind {
  /** A module yaml file such as {@code app.yaml}: one module version (R-CFG-1). */
  MODULE,
  /** {@code backends.yaml}: a list of backends (R-CFG-3). */
  BACKENDS,
  /** {@code dispatch.yaml}: {@code dispatch:} rules (R-CFG-4). */
  DISPATCH;

  /**
   * Tells the kind of a file: backends when it is named {@code backends.yaml} or {@code backends.yml},
   * is a list, or is a mapping with the single key {@code backends}; dispatch when it is a mapping with a
   * {@code dispatch} key; a module yaml file otherwise.
   *
   * @param source the file
   * @param document its top node
   * @return the kind
   */
  static FileKind of(ConfigSource source, YamlNode document) {
    String name = source.fileName();
    if (name.equals("backends.yaml") || name.equals("backends.yml")) {
      return BACKENDS;
    }
    if (document instanceof YamlNode.Sequence) {
      return BACKENDS;
    }
    if (document instanceof YamlNode.Mapping m) {
      List<String> keys = m.entries().stream().map(YamlNode.Entry::key).toList();
      if (keys.equals(List.of("backends"))) {
        return BACKENDS;
      }
      if (keys.contains("dispatch")) {
        return DISPATCH;
      }
    }
    return MODULE;
  }
}
