package dev.resident.examples.migration;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.Result;
import org.openrewrite.SourceFile;
import org.openrewrite.config.Environment;
import org.openrewrite.internal.InMemoryLargeSourceSet;
import org.openrewrite.java.JavaParser;
import org.openrewrite.tree.ParseError;
import org.openrewrite.xml.XmlParser;

/**
 * Converts the App Engine app of {@code src/appengine} into exploded WAR directories that Resident runs
 * (R-MIG-1). The app is laid out as App Engine Java 8 apps were: {@code java/} holds the Java sources, and
 * every other directory is a WAR of one module ({@code WEB-INF/appengine-web.xml}, {@code WEB-INF/web.xml},
 * static files). The conversion runs the recipe {@code dev.resident.MigrateFromAppEngine} over the Java
 * sources and every XML descriptor, writes the converted sources, compiles them with javac against Jakarta
 * Servlet 6.0 and Resident's runtime-api alone into the {@code WEB-INF/classes} of the WAR that runs them,
 * and writes the descriptors (converted or left as they are) and the static files beside them.
 *
 * <p>The "before" code is typed against App Engine's real API jar and javax.servlet 3.1, which only the
 * recipe's parser sees. {@link #main} is what the {@code demo} profile runs before the launcher.
 */
public final class AppEngineConversion {

  static final String RECIPE = "dev.resident.MigrateFromAppEngine";
  private static final Path JAVA = Path.of("java");

  private AppEngineConversion() {}

  /**
   * The outcome of a conversion.
   *
   * @param sources the converted Java sources, by path under the source directory
   * @param out the directory holding one exploded WAR directory per module
   * @param changed the files the recipe changed, by path under the app's directory
   */
  record Converted(Map<Path, String> sources, Path out, List<Path> changed) {}

  /**
   * Converts {@code appDir}: the Java sources into {@code sourceOut}, the WARs into {@code out}, the classes
   * into {@code out/<classesWar>/WEB-INF/classes}.
   */
  static Converted convert(Path appDir, Path sourceOut, Path out, String classesWar) throws IOException {
    ExecutionContext ctx = new InMemoryExecutionContext(e -> {
      throw new IllegalStateException("The recipe or its parser failed", e);
    });
    List<Path> wars;
    try (Stream<Path> list = Files.list(appDir)) {
      wars = list.filter(Files::isDirectory).filter(dir -> !dir.getFileName().equals(JAVA)).sorted().toList();
    }
    List<Path> descriptors = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path war : wars) {
      for (Path file : files(war)) {
        (file.toString().endsWith(".xml") ? descriptors : others).add(file);
      }
    }
    List<SourceFile> parsed = new ArrayList<>();
    parsed.addAll(JavaParser.fromJavaVersion().classpath(beforeClasspath()).build()
        .parse(files(appDir.resolve(JAVA)).stream().filter(file -> file.toString().endsWith(".java")).toList(),
            appDir, ctx).toList());
    parsed.addAll(new XmlParser().parse(descriptors, appDir, ctx).toList());
    for (SourceFile source : parsed) {
      if (source instanceof ParseError) {
        throw new IllegalStateException("Cannot parse " + source.getSourcePath());
      }
    }

    Map<Path, String> after = new TreeMap<>();
    parsed.forEach(source -> after.put(source.getSourcePath(), source.printAll()));
    Recipe recipe = Environment.builder().scanRuntimeClasspath().build().activateRecipes(RECIPE);
    List<Path> changed = new ArrayList<>();
    for (Result result : recipe.run(new InMemoryLargeSourceSet(parsed), ctx).getChangeset().getAllResults()) {
      if (result.getBefore() == null || result.getAfter() == null) {
        throw new IllegalStateException("The recipe added or deleted a file: " + result);
      }
      changed.add(result.getBefore().getSourcePath());
      after.put(result.getAfter().getSourcePath(), result.getAfter().printAll());
    }

    Map<Path, String> sources = new TreeMap<>();
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> file : after.entrySet()) {
      Path path = file.getKey();
      Path target;
      if (path.startsWith(JAVA)) {
        Path relative = path.subpath(1, path.getNameCount());
        sources.put(relative, file.getValue());
        target = sourceOut.resolve(relative);
        written.add(target);
      } else {
        target = out.resolve(path);
      }
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    for (Path file : others) {
      Path target = out.resolve(appDir.relativize(file));
      Files.createDirectories(target.getParent());
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
    compile(written, Files.createDirectories(out.resolve(classesWar).resolve("WEB-INF/classes")));
    return new Converted(sources, out, List.copyOf(changed));
  }

  /** Compiles {@code sources} against Jakarta Servlet 6.0 and runtime-api alone; fails with javac's errors. */
  private static void compile(List<Path> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    String classpath = Stream.of(location(dev.resident.api.LifecycleManager.class),
            location(jakarta.servlet.Servlet.class))
        .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(errors, files, null,
              List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none", "--release", "17"),
              null, files.getJavaFileObjectsFromPaths(sources))
          .call();
      if (!ok) {
        throw new IllegalStateException("The converted sources do not compile:\n" + errors);
      }
    }
  }

  /** App Engine's API and javax.servlet 3.1, which type the original code, and what it is converted to. */
  private static List<Path> beforeClasspath() {
    return List.of(location(com.google.appengine.api.LifecycleManager.class),
        location(javax.servlet.Servlet.class), location(dev.resident.api.LifecycleManager.class),
        location(jakarta.servlet.Servlet.class));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No location for " + type, e);
    }
  }

  /**
   * Converts {@code args[0]} (default {@code src/appengine}) into WAR directories under {@code args[1]}
   * (default {@code target/converted}), the classes into its {@code tally} WAR, the sources into
   * {@code args[2]} (default {@code target/converted-src}).
   */
  public static void main(String[] args) {
    Path app = Path.of(args.length > 0 ? args[0] : "src/appengine");
    Path out = Path.of(args.length > 1 ? args[1] : "target/converted");
    Path src = Path.of(args.length > 2 ? args[2] : "target/converted-src");
    try {
      Converted converted = convert(app, src, out, "tally");
      System.out.println("Converted " + app + " with " + RECIPE + ": changed " + converted.changed()
          + "; sources in " + src + ", WAR directories in " + out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
