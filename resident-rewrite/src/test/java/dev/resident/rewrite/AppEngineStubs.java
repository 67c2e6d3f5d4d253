package dev.resident.rewrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openrewrite.java.JavaParser;

/** The parser of the tests: App Engine's and javax.servlet's signatures from src/test/resources/stubs. */
final class AppEngineStubs {

  private AppEngineStubs() {}

  /** Returns the sources of every stub. */
  static String[] sources() {
    try (Stream<Path> files = Files.walk(directory())) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().map(AppEngineStubs::read)
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a parser that types App Engine and javax.servlet code from the stubs, and Resident and Jakarta
   * Servlet code from their jars.
   */
  static JavaParser.Builder<?, ?> parser() {
    return JavaParser.fromJavaVersion().classpath(classpath()).dependsOn(sources());
  }

  /** Returns the locations of Resident's runtime-api and the Jakarta Servlet API. */
  static List<Path> classpath() {
    return List.of(location(dev.resident.api.Environment.class), location(jakarta.servlet.Servlet.class));
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path directory() {
    try {
      return Path.of(AppEngineStubs.class.getResource("/stubs").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
