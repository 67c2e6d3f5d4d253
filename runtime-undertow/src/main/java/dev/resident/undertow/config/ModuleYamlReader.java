package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a module yaml file ({@code app.yaml}, {@code my-module.yaml}) into one version (R-CFG-1). */
final class ModuleYamlReader {
  private static final KeySet KEYS =
      new KeySet(
          List.of(
              "application",
              "module",
              "service",
              "version",
              "runtime",
              "threadsafe",
              "instance_class",
              "automatic_scaling",
              "basic_scaling",
              "manual_scaling",
              "handlers",
              "env_variables",
              "resident"),
          Set.of(
              "libraries",
              "skip_files",
              "inbound_services",
              "builtins",
              "includes",
              "error_handlers",
              "default_expiration",
              "derived_file_type",
              "admin_console",
              "vm",
              "beta_settings",
              "health_check",
              "liveness_check",
              "readiness_check",
              "network",
              "resources",
              "entrypoint",
              "env",
              "runtime_config",
              "api_config",
              "vpc_access_connector",
              "app_engine_apis"),
          Set.of("api_version"),
          false);

  private static final Rule<String> ENV_VALUE =
      new Rule<>("a string", s -> Optional.of(s.text()));

  private ModuleYamlReader() {}

  /**
   * Reads a module yaml file.
   *
   * @param document the file's top node
   * @param file the file name, the version's source
   * @param problems where to report
   * @return the version, or empty when the file is not a mapping
   */
  static Optional<ModuleFile> read(YamlNode document, String file, Problems problems) {
    return read(document, file, problems, KEYS);
  }

  /**
   * Reads a module file whose top level allows other keys, such as an {@code appengine-web.xml} made
   * into yaml nodes.
   *
   * @param document the file's top node
   * @param file the file name, the version's source
   * @param problems where to report
   * @param keys the keys the top level may hold
   * @return the version, or empty when the file is not a mapping
   */
  static Optional<ModuleFile> read(YamlNode document, String file, Problems problems, KeySet keys) {
    return Section.of(document, "", keys, problems).map(root -> read(root, file));
  }

  private static ModuleFile read(Section root, String file) {
    Located<String> module = moduleName(root);
    Optional<Located<String>> version = root.required("version", Rules.NAME);
    boolean threadsafe = root.get("threadsafe", Rules.BOOLEAN, true);
    ScalingReader.Result scaling = ScalingReader.read(root);
    ScalingType type = scaling.config().type();
    InstanceClass instanceClass =
        root.get("instance_class", Rules.instanceClass(type), InstanceClass.defaultFor(type));
    ResidentBlockReader.Result resident = ResidentBlockReader.read(root, module.value(), type);
    Located<Integer> concurrency =
        type == ScalingType.AUTOMATIC ? scaling.maxConcurrentRequests() : resident.maxConcurrentRequests();
    String concurrencyField =
        type == ScalingType.AUTOMATIC
            ? "automatic_scaling.max_concurrent_requests"
            : "resident.max_concurrent_requests";
    HandlersReader.Result handlers = HandlersReader.read(root);
    VersionConfig config =
        new VersionConfig(
            module.value(),
            version.map(Located::value).orElse(""),
            scaling.config(),
            instanceClass,
            threadsafe,
            Concurrency.resolve(threadsafe, concurrency, concurrencyField, root.problems()),
            true,
            false,
            null,
            handlers.handlers(),
            handlers.accessRules(),
            envVariables(root),
            resident.settings(),
            file);
    List<AppWideSetting> appWide = new ArrayList<>();
    root.located("application", Rules.STRING)
        .ifPresent(a -> appWide.add(new AppWideSetting("application", a.value(), a.origin(), false)));
    appWide.addAll(resident.appWide());
    Origin versionOrigin = version.map(Located::origin).orElse(root.origin());
    return new ModuleFile(config, module.origin(), versionOrigin, appWide);
  }

  private static Located<String> moduleName(Section root) {
    return root.located(root.keyOrAlias("module", "service"), Rules.NAME)
        .orElse(new Located<>(ApplicationConfig.DEFAULT_MODULE, root.origin()));
  }

  private static Map<String, String> envVariables(Section root) {
    Map<String, String> env = new LinkedHashMap<>();
    Optional<Section> section = root.section("env_variables", KeySet.anyKey());
    for (YamlNode.Entry e : section.map(Section::entries).orElse(List.of())) {
      section.get().optional(e.key(), ENV_VALUE).ifPresent(v -> env.putIfAbsent(e.key(), v));
    }
    return env;
  }
}
