package dev.resident.undertow.config;

import dev.resident.undertow.descriptor.AppLayout;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loads an application from module yaml files, {@code backends.yaml} and {@code dispatch.yaml}, and
 * versions made in code (R-CFG-1 to R-CFG-6).
 *
 * <p>Every file is read and checked before anything is reported: a {@link ConfigException} carries every
 * error of every file, each naming file, line, column and field (R-CFG-5).
 */
public final class ConfigLoader {
  private static final String CODE = "code";

  private ConfigLoader() {}

  /**
   * Loads an application from files, the default module's first (as {@code app.yaml mobile-frontend.yaml
   * my-module.yaml}), and exploded WAR and EAR directories (R-WAR-1). A file that cannot be read is
   * reported as an error with the others.
   *
   * @param files module yaml, backends and dispatch files; WAR and EAR directories
   * @return the application and the warnings
   * @throws ConfigException when any file has an error
   */
  public static LoadedConfig load(List<Path> files) {
    if (files.stream().anyMatch(AppLayout::isDirectory)) {
      return AppLayout.read(files).load(List.of(), List.of());
    }
    Problems problems = new Problems();
    List<ConfigSource> sources = new ArrayList<>();
    for (Path file : files) {
      try {
        sources.add(ConfigSource.of(file));
      } catch (UncheckedIOException e) {
        Throwable cause = e.getCause();
        problems.error(
            Origin.of(file.toString()),
            "",
            "cannot read the file: " + cause.getClass().getSimpleName() + " " + cause.getMessage());
      }
    }
    return load(sources, List.of(), problems, files.stream().map(Path::toString).toList());
  }

  /**
   * Loads an application from sources and versions made in code. Versions made in code join those of
   * the files and go through the same checks; messages name them by their {@code source()}.
   *
   * @param sources module yaml, backends and dispatch sources, the default module's first
   * @param codeVersions versions made in code, possibly none
   * @return the application and the warnings
   * @throws ConfigException when there is any error
   */
  public static LoadedConfig load(List<ConfigSource> sources, List<VersionConfig> codeVersions) {
    return load(
        sources, codeVersions, new Problems(), sources.stream().map(ConfigSource::name).toList());
  }

  /**
   * Loads an application from yaml sources, parsed descriptors (of exploded WARs and EARs, R-CFG-7) and
   * versions made in code, joining problems found before, such as by the descriptor parser.
   *
   * @param sources yaml sources
   * @param descriptors parsed descriptors; an EAR's {@code appengine-application.xml} first
   * @param codeVersions versions made in code, possibly none
   * @param earlier problems found while finding and parsing the files; an error among them means a file
   *     may be missing, so a missing default module is not reported
   * @param order the file names in the order problems are reported
   * @return the application and the warnings
   * @throws ConfigException when there is any error
   */
  public static LoadedConfig load(
      List<ConfigSource> sources,
      List<XmlSource> descriptors,
      List<VersionConfig> codeVersions,
      List<ConfigProblem> earlier,
      List<String> order) {
    Problems problems = new Problems();
    earlier.forEach(problems::add);
    boolean complete = earlier.stream().noneMatch(ConfigProblem::isError);
    return load(sources, descriptors, codeVersions, problems, order, complete);
  }

  private static LoadedConfig load(
      List<ConfigSource> sources,
      List<VersionConfig> codeVersions,
      Problems problems,
      List<String> order) {
    return load(sources, List.of(), codeVersions, problems, order, sources.size() == order.size());
  }

  private static LoadedConfig load(
      List<ConfigSource> sources,
      List<XmlSource> descriptors,
      List<VersionConfig> codeVersions,
      Problems problems,
      List<String> order,
      boolean allRead) {
    ApplicationAssembler assembler = new ApplicationAssembler(problems);
    boolean complete = allRead;
    for (XmlSource descriptor : descriptors) {
      complete &= XmlFileReader.read(descriptor, assembler, problems);
    }
    for (ConfigSource source : sources) {
      Optional<YamlNode> document = YamlReader.read(source, problems);
      complete &= document.isPresent() && read(source, document.get(), assembler, problems);
    }
    Origin start =
        !order.isEmpty()
            ? Origin.startOf(order.get(0))
            : Origin.of(codeVersions.isEmpty() ? CODE : codeVersions.get(0).source());
    ApplicationConfig application = assembler.assemble(codeVersions, start, complete);
    List<ConfigProblem> all = sorted(problems.all(), order);
    if (all.stream().anyMatch(ConfigProblem::isError)) {
      throw new ConfigException(all);
    }
    return new LoadedConfig(application, all, assembler.connectionTimeouts());
  }

  /** Reads one file into the assembler; false when it is not of the shape its kind needs. */
  private static boolean read(
      ConfigSource source, YamlNode document, ApplicationAssembler assembler, Problems problems) {
    switch (FileKind.of(source, document)) {
      case BACKENDS:
        assembler.add(BackendsReader.read(document, source.name(), problems));
        return true;
      case DISPATCH:
        Optional<DispatchFile> dispatch = DispatchReader.read(document, problems);
        dispatch.ifPresent(assembler::add);
        return dispatch.isPresent();
      default:
        Optional<ModuleFile> module = ModuleYamlReader.read(document, source.name(), problems);
        module.ifPresent(assembler::add);
        return module.isPresent();
    }
  }

  /** Orders problems by file, in the order the files were given, then by line and column. */
  private static List<ConfigProblem> sorted(List<ConfigProblem> problems, List<String> order) {
    Comparator<ConfigProblem> byFile =
        Comparator.comparingInt(
            p -> order.indexOf(p.file()) < 0 ? order.size() : order.indexOf(p.file()));
    return problems.stream()
        .sorted(
            byFile
                .thenComparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column))
        .toList();
  }
}
