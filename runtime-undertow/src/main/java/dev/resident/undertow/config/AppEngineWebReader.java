package dev.resident.undertow.config;

import dev.resident.undertow.descriptor.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code appengine-web.xml} into one version with the rules of a module yaml file (R-WAR-2):
 * the elements that have a yaml key go through {@link ModuleYamlReader}; {@code env-variables} become
 * {@code env_variables}; {@code inbound-services} other than {@code warmup} are warnings. The WAR-only
 * elements ({@code static-files}, {@code public-root}, {@code system-properties},
 * {@code resident/class-loading}) are read by the descriptor package, which deploys them.
 */
final class AppEngineWebReader {
  static final String ROOT = "appengine-web-app";

  /** Elements read here or by the descriptor package. */
  private static final List<String> KNOWN =
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
          "env_variables",
          "system_properties",
          "static_files",
          "public_root",
          "inbound_services",
          "warmup_requests_enabled",
          "ssl_enabled",
          "sessions_enabled",
          "resident");

  /** App Engine elements that Resident accepts and does not use. */
  private static final Set<String> IGNORED =
      Set.of(
          "resource_files",
          "precompilation_enabled",
          "async_session_persistence",
          "url_stream_handler",
          "auto_id_policy",
          "api_config",
          "admin_console",
          "static_error_handlers",
          "use_google_connector_j",
          "class_loader_config",
          "vm",
          "beta_settings",
          "health_check",
          "liveness_check",
          "readiness_check",
          "resources",
          "network",
          "entrypoint",
          "env",
          "runtime_config",
          "app_engine_apis",
          "vpc_access_connector",
          "staging",
          "code_lock",
          "custom_entrypoint",
          "instance_idle_timeout",
          "automatic_scaling_defaults",
          "sticky_sessions");

  private static final KeySet KEYS = new KeySet(KNOWN, IGNORED, Set.of(), false);

  private static final Set<String> WAR_ONLY = Set.of("class-loading", "class_loading");

  private AppEngineWebReader() {}

  /**
   * Reads an {@code appengine-web.xml}.
   *
   * @param source the parsed file
   * @param problems where to report, worded with XML's names
   * @return the version and what it gives application-wide, or empty when the root is wrong
   */
  static Optional<ModuleFile> read(XmlSource source, Problems problems) {
    XmlElement root = source.root();
    if (!root.name().equals(ROOT)) {
      problems.mustBe(root.origin(), "", "an <" + ROOT + "> document", "<" + root.name() + ">");
      return Optional.empty();
    }
    Problems local = new Problems();
    XmlFileReader.checkNamespace(root, local);
    List<YamlNode.Entry> entries = new ArrayList<>();
    for (XmlElement child : root.children()) {
      switch (child.name()) {
        case "application" -> {
          if (!source.inEar()) {
            entries.add(XmlTrees.entry(child));
          }
        }
        case "env-variables" -> entries.add(envVariables(child, local));
        case "resident" -> entries.add(new YamlNode.Entry(
            "resident", child.origin(), XmlTrees.mapping(child, WAR_ONLY)));
        case "inbound-services" -> {
          inboundServices(child, local);
          // Read here; the entry only lets the key checks see the element (a second one is a duplicate).
          entries.add(new YamlNode.Entry("inbound_services", child.origin(), XmlTrees.scalar("x", child.origin())));
        }
        default -> entries.add(XmlTrees.entry(child));
      }
    }
    YamlNode.Mapping document = new YamlNode.Mapping(entries, root.origin());
    Optional<ModuleFile> file = ModuleYamlReader.read(document, source.name(), local, KEYS);
    booleans(document, local);
    local.all().forEach(p -> problems.add(XmlTrees.worded(p)));
    return file.map(f -> withAccessRules(f, source.accessRules()));
  }

  /** Checks the flags no yaml reader reads; the descriptor package uses their values. */
  private static void booleans(YamlNode.Mapping document, Problems problems) {
    for (String key : List.of("warmup_requests_enabled", "ssl_enabled", "sessions_enabled")) {
      document.entry(key).map(YamlNode.Entry::value)
          .filter(value -> Rules.BOOLEAN.read(value).isEmpty())
          .ifPresent(value -> problems.invalid(value, key, Rules.BOOLEAN.allowed()));
    }
  }

  private static YamlNode.Entry envVariables(XmlElement element, Problems problems) {
    List<YamlNode.Entry> entries = new ArrayList<>();
    for (XmlElement var : element.children()) {
      if (!var.name().equals("env-var")) {
        problems.error(var.origin(), "env-variables." + var.name(),
            "unknown element env-variables." + var.name() + "; allowed elements: env-var");
        continue;
      }
      Optional<String> name = var.attribute("name");
      Optional<String> value = var.attribute("value");
      if (name.isEmpty() || name.get().isBlank() || value.isEmpty()) {
        problems.mustBe(var.origin(), "env-variables.env-var", "an element with name and value attributes",
            "<env-var> without " + (name.isEmpty() || name.get().isBlank() ? "name" : "value"));
        continue;
      }
      entries.add(new YamlNode.Entry(name.get(), var.origin(),
          new YamlNode.Scalar(com.fasterxml.jackson.core.JsonToken.VALUE_STRING, value.get(), var.origin())));
    }
    return new YamlNode.Entry("env_variables", element.origin(), new YamlNode.Mapping(entries, element.origin()));
  }

  private static void inboundServices(XmlElement element, Problems problems) {
    for (XmlElement service : element.children()) {
      if (!service.name().equals("service")) {
        problems.error(service.origin(), "inbound-services." + service.name(),
            "unknown element inbound-services." + service.name() + "; allowed elements: service");
      } else if (!service.text().equals("warmup")) {
        problems.warning(service.textOrigin(), "inbound-services.service",
            "inbound-services.service \"" + service.text()
                + "\" is accepted for App Engine compatibility and not run (Resident runs warmup only)");
      }
    }
  }

  private static ModuleFile withAccessRules(ModuleFile file, List<AccessRule> rules) {
    if (rules.isEmpty()) {
      return file;
    }
    VersionConfig v = file.version();
    List<AccessRule> all = new ArrayList<>(v.accessRules());
    all.addAll(rules);
    VersionConfig joined = new VersionConfig(v.module(), v.version(), v.scaling(), v.instanceClass(),
        v.threadsafe(), v.maxConcurrentRequests(), v.publicAccess(), v.failfast(), v.startHandler(),
        v.handlers(), all, v.envVariables(), v.settings(), v.source());
    return new ModuleFile(joined, file.moduleOrigin(), file.versionOrigin(), file.appWide());
  }
}
