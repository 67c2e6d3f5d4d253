package dev.resident.undertow.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Exploded WARs for host tests: descriptors written as given, servlets compiled into WEB-INF/classes. */
final class WarDirs {

  /** Where the host's, the API's, the servlet API's and the tests' classes are. */
  private static final Path[] HOST = {
      location(WarDirs.class), location(dev.resident.undertow.ResidentHost.class),
      location(dev.resident.api.modules.ModulesServiceFactory.class), location(jakarta.servlet.Servlet.class)};

  private WarDirs() {}

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path write(Path dir, String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void appengineWeb(Path war, String body) {
    write(war, "WEB-INF/appengine-web.xml",
        "<appengine-web-app xmlns=\"http://appengine.google.com/ns/1.0\">\n" + body + "</appengine-web-app>\n");
  }

  static void webXml(Path war, String body) {
    write(war, "WEB-INF/web.xml",
        "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + body + "</web-app>\n");
  }

  /**
   * Compiles sources into a directory against the test class path and more directories.
   *
   * @param into such as {@code war/WEB-INF/classes}
   * @param sources class name to source text
   * @param classPath more class path entries
   */
  static void compile(Path into, Map<String, String> sources, Path... classPath) {
    try {
      Path src = Files.createTempDirectory("war-src");
      List<String> args = new ArrayList<>(List.of("-d", into.toString(), "-proc:none", "-classpath",
          System.getProperty("java.class.path") + joined(HOST) + joined(classPath)));
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue());
        args.add(file.toString());
      }
      Files.createDirectories(into);
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      int status = compiler.run(null, null, null, args.toArray(String[]::new));
      if (status != 0) {
        throw new AssertionError("javac failed: " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String joined(Path... entries) {
    StringBuilder s = new StringBuilder();
    for (Path p : entries) {
      s.append(java.io.File.pathSeparator).append(p);
    }
    return s.toString();
  }
}
