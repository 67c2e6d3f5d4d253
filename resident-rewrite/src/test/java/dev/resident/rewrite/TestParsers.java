package dev.resident.rewrite;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.java.JavaParser;

/** The parser of the tests and the classpath the migrated code compiles against. */
final class TestParsers {

  private TestParsers() {}

  /**
   * Returns a parser that types App Engine code against App Engine's API and javax.servlet 3.1 (the "before"
   * side), and Resident and Jakarta Servlet code against runtime-api and Jakarta Servlet 6.0 (the "after").
   */
  static JavaParser.Builder<?, ?> parser() {
    List<Path> classpath = new ArrayList<>(JavaParser.dependenciesFromClasspath("appengine-api-1.0-sdk",
        "javax.servlet-api"));
    classpath.addAll(residentClasspath());
    return JavaParser.fromJavaVersion().classpath(classpath);
  }

  /** Returns the locations of Resident's runtime-api and of the Jakarta Servlet API. */
  static List<Path> residentClasspath() {
    return List.of(location(dev.resident.api.Environment.class), location(jakarta.servlet.Servlet.class));
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No location for " + type, e);
    }
  }
}
