package dev.resident.undertow.config;

import com.fasterxml.jackson.core.JsonToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Joins what every file and the code configure into one application, and checks what spans files:
 * exactly one {@code default} module, no module version configured twice, no backend named like another
 * module, dispatch rules naming existing modules, one dispatch file, and agreeing application-wide values
 * (R-MOD-2, R-CFG-3, R-CFG-4, R-CFG-5).
 *
 * <p>Modules keep the order they are first configured in: module files, then code, then backends; the
 * default module comes first.
 */
final class ApplicationAssembler {
  private final Problems problems;
  private final List<ModuleFile> moduleFiles = new ArrayList<>();
  private final List<BackendEntry> backends = new ArrayList<>();
  private final List<DispatchFile> dispatchFiles = new ArrayList<>();
  private final AppWideValues appWide = new AppWideValues();
  private final Map<String, List<VersionConfig>> modules = new LinkedHashMap<>();
  private final Map<String, Origin> moduleOrigins = new LinkedHashMap<>();
  private final Map<String, Origin> versionOrigins = new LinkedHashMap<>();

  /**
   * Creates an assembler.
   *
   * @param problems where to report
   */
  ApplicationAssembler(Problems problems) {
    this.problems = problems;
  }

  /**
   * Adds a module yaml file.
   *
   * @param file what it configures
   */
  void add(ModuleFile file) {
    moduleFiles.add(file);
    appWide.add(file.appWide(), problems);
  }

  /**
   * Adds application-wide values given by a file that configures no module, such as
   * {@code appengine-application.xml}.
   *
   * @param settings the values
   */
  void addAppWide(List<AppWideSetting> settings) {
    appWide.add(settings, problems);
  }

  /**
   * Adds the backends of a backends file.
   *
   * @param entries the backends
   */
  void add(List<BackendEntry> entries) {
    backends.addAll(entries);
  }

  /**
   * Adds a dispatch file.
   *
   * @param file its rules
   */
  void add(DispatchFile file) {
    if (!dispatchFiles.isEmpty()) {
      problems.mustBe(
          file.origin(),
          "dispatch",
          "given in one file only",
          "a second list (the first is at " + dispatchFiles.get(0).origin() + ")");
    }
    dispatchFiles.add(file);
    appWide.add(file.appWide(), problems);
  }

  /**
   * Builds the application.
   *
   * @param codeVersions versions made in code, named in messages by their {@code source()}
   * @param start where a missing default module is reported: the start of the first file
   * @param complete whether every file could be read; when one could not, the default module may be in
   *     it, so its absence is not reported
   * @return the application; meaningful only when no error was reported
   */
  ApplicationConfig assemble(List<VersionConfig> codeVersions, Origin start, boolean complete) {
    for (ModuleFile file : moduleFiles) {
      addVersion(file.version(), file.moduleOrigin(), file.versionOrigin());
    }
    for (VersionConfig version : codeVersions) {
      Origin origin = Origin.of(version.source());
      if (checkCodeVersion(version, origin)) {
        addVersion(version, origin, origin);
      }
    }
    boolean hasDefault = modules.containsKey(ApplicationConfig.DEFAULT_MODULE);
    if (!hasDefault && complete) {
      String found =
          modules.isEmpty()
              ? "nothing"
              : "only " + modules.keySet().stream().map(m -> '"' + m + '"').collect(Collectors.joining(", "));
      problems.mustBe(start, "module", "\"default\" in one of the files", found);
    }
    for (BackendEntry backend : backends) {
      addBackend(backend, hasDefault);
    }
    List<DispatchRule> dispatch = dispatchRules();
    List<ModuleConfig> configs = new ArrayList<>();
    modules.forEach(
        (name, versions) -> {
          ModuleConfig module = new ModuleConfig(name, versions);
          configs.add(name.equals(ApplicationConfig.DEFAULT_MODULE) ? 0 : configs.size(), module);
        });
    return new ApplicationConfig(
        appWide.get("application").orElse(ApplicationConfig.DEFAULT_APPLICATION_ID),
        configs,
        dispatch,
        appWide.get("resident.domain").orElse(null),
        appWide.get("resident.admin_token").orElse(null),
        SecuritySettings.from(appWide));
  }

  /**
   * Returns the connection timeouts the files set, the defaults where they set none.
   *
   * @return the timeouts; meaningful only when no error was reported
   */
  ConnectionTimeouts connectionTimeouts() {
    return new ConnectionTimeouts(
        timeout("resident.request_parse_timeout", ConnectionTimeouts.DEFAULT_REQUEST_PARSE_TIMEOUT),
        timeout("resident.idle_timeout", ConnectionTimeouts.DEFAULT_IDLE_TIMEOUT));
  }

  private Duration timeout(String field, Duration otherwise) {
    return appWide.get(field).flatMap(DurationSyntax::parse).orElse(otherwise);
  }

  private void addVersion(VersionConfig version, Origin moduleOrigin, Origin versionOrigin) {
    if (!version.version().isEmpty()) {
      Origin earlier = versionOrigins.putIfAbsent(version.key(), versionOrigin);
      if (earlier != null) {
        problems.mustBe(
            versionOrigin,
            "version",
            "unique within module \"" + version.module() + "\"",
            "\"" + version.version() + "\" (also in " + earlier + ")");
        return;
      }
    }
    moduleOrigins.putIfAbsent(version.module(), moduleOrigin);
    modules.computeIfAbsent(version.module(), m -> new ArrayList<>()).add(version);
  }

  private void addBackend(BackendEntry backend, boolean hasDefault) {
    String name = backend.name().value();
    Origin earlier = moduleOrigins.putIfAbsent(name, backend.name().origin());
    if (earlier != null) {
      problems.mustBe(
          backend.name().origin(),
          backend.path() + ".name",
          "a name no other module or backend uses",
          "\"" + name + "\" (also in " + earlier + ")");
    } else if (hasDefault) {
      VersionConfig main = modules.get(ApplicationConfig.DEFAULT_MODULE).get(0);
      modules.put(name, List.of(backend.toVersion(main, problems)));
    }
  }

  private List<DispatchRule> dispatchRules() {
    if (dispatchFiles.isEmpty()) {
      return List.of();
    }
    List<DispatchRule> rules = new ArrayList<>();
    for (DispatchFile.PlacedRule placed : dispatchFiles.get(0).rules()) {
      if (modules.containsKey(placed.rule().module())) {
        rules.add(placed.rule());
      } else {
        problems.mustBe(
            placed.moduleOrigin(),
            placed.moduleField(),
            "a configured module (" + String.join(", ", modules.keySet()) + ")",
            "\"" + placed.rule().module() + "\"");
      }
    }
    return rules;
  }

  /** Checks what the records of a version made in code do not: names and instance class. */
  private boolean checkCodeVersion(VersionConfig version, Origin origin) {
    boolean valid = checkName("module", version.module(), origin);
    valid &= checkName("version", version.version(), origin);
    Rule<InstanceClass> classes = Rules.instanceClass(version.scalingType());
    if (!version.instanceClass().fits(version.scalingType())) {
      problems.mustBe(
          origin, "instance_class", classes.allowed(), "\"" + version.instanceClass() + "\"");
      valid = false;
    }
    return valid;
  }

  private boolean checkName(String field, String name, Origin origin) {
    YamlNode.Scalar scalar = new YamlNode.Scalar(JsonToken.VALUE_STRING, name, origin);
    if (Rules.NAME.read(scalar).isPresent()) {
      return true;
    }
    problems.invalid(scalar, field, Rules.NAME.allowed());
    return false;
  }
}
