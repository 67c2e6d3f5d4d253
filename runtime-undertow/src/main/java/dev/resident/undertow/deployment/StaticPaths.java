package dev.resident.undertow.deployment;

import dev.resident.undertow.descriptor.StaticFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which request paths of a WAR are its static files (R-WAR-2): under the public root, included by
 * {@code static-files} and not excluded, never under {@code WEB-INF} or {@code META-INF}, never outside
 * the root; a directory path is its first static welcome file.
 */
final class StaticPaths {
  private final Path root;
  private final StaticFiles files;
  private final List<String> welcomeFiles;

  StaticPaths(Path war, StaticFiles files, List<String> welcomeFiles) {
    this.root = war.resolve(files.publicRoot().substring(1)).toAbsolutePath().normalize();
    this.files = files;
    this.welcomeFiles = List.copyOf(welcomeFiles);
  }

  /**
   * A static file a path names.
   *
   * @param path the path under the public root, starting with {@code /}
   * @param file the file
   * @param include the include that serves it
   */
  record Served(String path, Path file, StaticFiles.Include include) {
    /** {@code Cache-Control} of the file: its include's expiration, else App Engine's 10 minutes. */
    String cacheControl() {
      Duration expiration = include.expiration() == null ? StaticFiles.DEFAULT_EXPIRATION : include.expiration();
      return "public, max-age=" + expiration.toSeconds();
    }
  }

  Path root() {
    return root;
  }

  /**
   * Finds the static file of a request path.
   *
   * @param path the decoded path, such as {@code /img/a.png} or {@code /docs/}
   * @return the file, or empty when the path is not a static file
   */
  Optional<Served> resolve(String path) {
    String p = path.isEmpty() ? "/" : path;
    if (p.endsWith("/")) {
      for (String welcome : welcomeFiles) {
        Optional<Served> served = file(p + welcome);
        if (served.isPresent()) {
          return served;
        }
      }
      return Optional.empty();
    }
    return file(p);
  }

  private Optional<Served> file(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (!path.startsWith("/") || path.contains("..") || path.contains("\\") || path.indexOf('\0') >= 0
        || (files.publicRoot().equals("/") && (lower.startsWith("/web-inf") || lower.startsWith("/meta-inf")))) {
      return Optional.empty();
    }
    Optional<StaticFiles.Include> include = files.match(path);
    if (include.isEmpty()) {
      return Optional.empty();
    }
    Path file = root.resolve(path.substring(1)).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(new Served(path, file, include.get()));
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
