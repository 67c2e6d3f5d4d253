package dev.resident.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.Result;
import org.openrewrite.SourceFile;
import org.openrewrite.internal.InMemoryLargeSourceSet;

/**
 * R-MIG-1 end to end: the recipe turns the App Engine Java 8-style app in src/test/resources/appengine-java8-app
 * into sources that compile against Jakarta Servlet 6.0 and Resident's runtime-api alone.
 */
class SampleAppMigrationTest {

  @Test
  void migratedAppCompilesAgainstJakartaServletAndResident(@TempDir Path out) throws Exception {
    Path app = Path.of(SampleAppMigrationTest.class.getResource("/appengine-java8-app").toURI());
    Map<Path, String> migrated = migrate(app.resolve("src/main/java"));

    assertThat(migrated.keySet()).extracting(Path::toString).containsExactlyInAnyOrder(
        "com/example/guestbook/GuestbookListener.java",
        "com/example/guestbook/GuestbookServlet.java",
        "com/example/guestbook/StartServlet.java");
    assertThat(migrated.values()).allSatisfy(source -> assertThat(source)
        .doesNotContain("com.google.appengine", "com.google.apphosting", "javax.servlet", "ApiProxy",
            "BackendService")
        .contains("import dev.resident.api."));
    assertThat(migrated.get(Path.of("com/example/guestbook/GuestbookServlet.java")))
        .contains("import jakarta.servlet.http.HttpServlet;", "Environment env = Environment.current();",
            "String instance = env.getInstanceId();");
    assertThat(migrated.get(Path.of("com/example/guestbook/StartServlet.java")))
        .contains("ModulesService backends = ModulesServiceFactory.getModulesService();",
            "int instance = Integer.parseInt(backends.getCurrentInstanceId());",
            "backends.getInstanceHostname(backends.getCurrentModule(), null, String.valueOf(instance + 1))",
            "backends.getVersionHostname(backends.getCurrentModule(), null)");

    assertThat(compile(migrated, out)).isEmpty();
    assertThat(out.resolve("classes/com/example/guestbook/StartServlet.class")).exists();
  }

  /** Runs the recipe over every Java file under {@code sourceRoot}; returns the changed files by path. */
  private static Map<Path, String> migrate(Path sourceRoot) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    ExecutionContext ctx = new InMemoryExecutionContext(e -> {
      throw new AssertionError("Recipe or parser failed", e);
    });
    List<SourceFile> sources = TestParsers.parser().build().parse(files, sourceRoot, ctx).toList();
    Recipe recipe = org.openrewrite.config.Environment.builder()
        .scanRuntimeClasspath()
        .build()
        .activateRecipes("dev.resident.MigrateFromAppEngine");
    Map<Path, String> migrated = new TreeMap<>();
    for (Result result : recipe.run(new InMemoryLargeSourceSet(sources), ctx).getChangeset().getAllResults()) {
      migrated.put(result.getAfter().getSourcePath(), result.getAfter().printAll());
    }
    return migrated;
  }

  /** Compiles the sources with javac against runtime-api and Jakarta Servlet; returns the errors. */
  private static List<String> compile(Map<Path, String> sources, Path out) throws IOException, URISyntaxException {
    Path sourceDir = out.resolve("src");
    Path classes = Files.createDirectories(out.resolve("classes"));
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      written.add(Files.writeString(file, source.getValue(), StandardCharsets.UTF_8));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(written);
      String classpath = TestParsers.residentClasspath().stream().map(Path::toString)
          .collect(Collectors.joining(java.io.File.pathSeparator));
      boolean ok = javac.getTask(errors, files, null,
          List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none", "--release", "17"), null, units)
          .call();
      return ok ? List.of() : List.of(errors.toString(), String.join("\n---\n", sources.values()));
    }
  }
}
