package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.ConfigSource;
import dev.resident.undertow.config.LoadedConfig;
import dev.resident.undertow.config.Origin;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.config.XmlSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs of an application as the launcher and the builder take them (R-WAR-1): yaml files,
 * exploded WAR directories ({@code WEB-INF/appengine-web.xml}) and exploded EAR directories
 * ({@code META-INF/application.xml}). Reads every descriptor, safely (R-WAR-6), and keeps each WAR's
 * deployment beside the versions it configures.
 */
public final class AppLayout {
  private static final List<String> NOT_RUN = List.of("cron.xml", "queue.xml", "datastore-indexes.xml",
      "datastore-indexes-auto.xml", "dos.xml", "cron.yaml", "queue.yaml", "index.yaml", "dos.yaml");

  private final List<ConfigSource> yaml = new ArrayList<>();
  private final List<XmlSource> descriptors = new ArrayList<>();
  private final List<String> order = new ArrayList<>();
  private final List<War> wars = new ArrayList<>();
  private final Findings findings = new Findings();

  private AppLayout() {}

  /**
   * Reads inputs: files are yaml files, directories WARs or EARs.
   *
   * @param inputs the paths, the default module's first
   * @return the layout; its problems are reported by {@link #load}
   */
  public static AppLayout read(List<Path> inputs) {
    AppLayout layout = new AppLayout();
    for (Path input : inputs) {
      layout.input(input);
    }
    return layout;
  }

  /**
   * Tells whether a path is a directory input (a WAR or an EAR) rather than a yaml file.
   *
   * @param input the path
   * @return true for a directory
   */
  public static boolean isDirectory(Path input) {
    return Files.isDirectory(input);
  }

  /**
   * Loads the application: the layout's yaml files and descriptors, more yaml sources and versions
   * made in code, with every problem of every file.
   *
   * @param moreSources yaml sources given otherwise, such as builder text
   * @param codeVersions versions made in code
   * @return the application and its warnings
   * @throws dev.resident.undertow.config.ConfigException with every problem
   */
  public LoadedConfig load(List<ConfigSource> moreSources, List<VersionConfig> codeVersions) {
    List<ConfigSource> sources = new ArrayList<>(yaml);
    sources.addAll(moreSources);
    List<String> names = new ArrayList<>(order);
    moreSources.forEach(s -> names.add(s.name()));
    return ConfigLoader.load(sources, descriptors, codeVersions, findings.all(), names);
  }

  /**
   * Finds the WAR a version comes from.
   *
   * @param source the version's {@code source()}
   * @return the WAR whose {@code appengine-web.xml} or {@code WEB-INF} backends file it is, or empty
   */
  public Optional<War> war(String source) {
    return wars.stream().filter(w -> w.sources().contains(source)).findFirst();
  }

  /**
   * Returns the WARs read.
   *
   * @return the WARs in order
   */
  public List<War> wars() {
    return List.copyOf(wars);
  }

  private void input(Path input) {
    if (!Files.isDirectory(input)) {
      order.add(input.toString());
      try {
        yaml.add(ConfigSource.of(input));
      } catch (UncheckedIOException e) {
        Throwable cause = e.getCause();
        findings.error(new Origin(input.toString(), 0, 0), "",
            "cannot read the file: " + cause.getClass().getSimpleName() + " " + cause.getMessage());
      }
      return;
    }
    if (Files.isRegularFile(input.resolve("META-INF").resolve("application.xml"))) {
      ear(input);
    } else if (Files.isDirectory(input.resolve("WEB-INF"))) {
      war(input, false);
    } else {
      findings.error(new Origin(input.toString(), 0, 0), "", "the directory is neither an exploded EAR"
          + " (META-INF/application.xml) nor an exploded WAR (WEB-INF/appengine-web.xml)");
    }
  }

  private void ear(Path ear) {
    Path meta = ear.resolve("META-INF");
    Path appengine = meta.resolve("appengine-application.xml");
    if (Files.isRegularFile(appengine)) {
      parse(appengine).ifPresent(root ->
          descriptors.add(new XmlSource(appengine.toString(), root, XmlSource.Kind.APPLICATION, List.of(), false)));
    } else {
      order.add(appengine.toString());
      findings.error(new Origin(appengine.toString(), 0, 0), "",
          "the EAR has no META-INF/appengine-application.xml, which names the application");
    }
    Path application = meta.resolve("application.xml");
    parse(application).ifPresent(root -> {
      for (Path war : EarReader.wars(ear, root, findings)) {
        war(war, true);
      }
    });
  }

  private void war(Path root, boolean inEar) {
    Path webInf = root.resolve("WEB-INF");
    Path appengineWeb = webInf.resolve("appengine-web.xml");
    if (!Files.isRegularFile(appengineWeb)) {
      findings.error(new Origin(appengineWeb.toString(), 0, 0), "",
          "the WAR " + root + " has no WEB-INF/appengine-web.xml");
      return;
    }
    Optional<XmlElement> module = parse(appengineWeb);
    WebApp web = WebApp.EMPTY;
    Path webXml = webInf.resolve("web.xml");
    if (Files.isRegularFile(webXml)) {
      web = parse(webXml).map(r -> WebXmlReader.read(r, findings)).orElse(WebApp.EMPTY);
    }
    web = Annotations.merge(web, root.resolve("WEB-INF").resolve("classes"), findings);
    Set<String> sources = new LinkedHashSet<>();
    sources.add(appengineWeb.toString());
    if (module.isEmpty()) {
      wars.add(new War(root, web, WarSettings.DEFAULT, sources));
      return;
    }
    descriptors.add(new XmlSource(appengineWeb.toString(), module.get(), XmlSource.Kind.MODULE,
        web.accessRules(), inEar));
    WarSettings settings = WarSettingsReader.read(module.get(), findings);
    boolean isDefault = module.get().childText("module").or(() -> module.get().childText("service"))
        .map("default"::equals).orElse(true);
    for (String name : List.of("backends.yaml", "backends.yml", "backends.xml", "dispatch.yaml", "dispatch.xml")) {
      Path file = webInf.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      if (name.startsWith("dispatch") && !isDefault) {
        findings.warning(new Origin(file.toString(), 0, 0), "",
            "dispatch files are read from the default module's WEB-INF only; this one is ignored");
        continue;
      }
      sources.add(file.toString());
      if (name.endsWith(".xml")) {
        XmlSource.Kind kind = name.startsWith("backends") ? XmlSource.Kind.BACKENDS : XmlSource.Kind.DISPATCH;
        parse(file).ifPresent(r -> descriptors.add(new XmlSource(file.toString(), r, kind, List.of(), inEar)));
      } else {
        order.add(file.toString());
        yaml.add(ConfigSource.of(file));
      }
    }
    for (String name : NOT_RUN) {
      Path file = webInf.resolve(name);
      if (Files.isRegularFile(file)) {
        findings.warning(new Origin(file.toString(), 0, 0), "", name
            + " is accepted for App Engine compatibility and not run by Resident");
      }
    }
    wars.add(new War(root, web, settings, sources));
  }

  /** Parses a descriptor, noting its name for the order of problems. */
  private Optional<XmlElement> parse(Path file) {
    order.add(file.toString());
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      findings.error(new Origin(file.toString(), 0, 0), "",
          "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage());
      return Optional.empty();
    }
    SafeXml.Result result = SafeXml.read(file.toString(), text);
    findings.addAll(result.problems());
    return result.root();
  }
}
