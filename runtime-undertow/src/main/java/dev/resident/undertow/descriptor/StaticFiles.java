package dev.resident.undertow.descriptor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which files of a WAR are served as static files, and with what headers: {@code static-files} of
 * {@code appengine-web.xml} and {@code public-root} (R-WAR-2). Paths are relative to the public root and
 * start with {@code /}; {@code WEB-INF} and {@code META-INF} are never served.
 *
 * @param publicRoot the directory under the WAR root that holds the static files, such as {@code /} or
 *     {@code /static}
 * @param includes the {@code include}s, in order; the first that matches a path gives its headers
 * @param excludes the {@code exclude} patterns
 */
public record StaticFiles(String publicRoot, List<Include> includes, List<Pattern> excludes) {

  /** App Engine's default expiration of static files: 10 minutes. */
  public static final Duration DEFAULT_EXPIRATION = Duration.ofMinutes(10);

  /** Without {@code static-files}: every file is static, but JSP. */
  public static final StaticFiles DEFAULT = new StaticFiles("/",
      List.of(new Include(Glob.compile("**"), null, Map.of())), List.of(Glob.compile("**.jsp")));

  public StaticFiles {
    Objects.requireNonNull(publicRoot, "publicRoot");
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  /**
   * One {@code include}.
   *
   * @param path its pattern
   * @param expiration its {@code expiration}; null for the default
   * @param headers its {@code http-header}s
   */
  public record Include(Pattern path, Duration expiration, Map<String, String> headers) {
    public Include {
      Objects.requireNonNull(path, "path");
      headers = Map.copyOf(headers);
    }
  }

  /**
   * Returns the include that serves a path.
   *
   * @param path the path under the public root, starting with {@code /}
   * @return the first matching include, or empty when the path is not static or is excluded
   */
  public Optional<Include> match(String path) {
    for (Pattern exclude : excludes) {
      if (exclude.matcher(path).matches()) {
        return Optional.empty();
      }
    }
    return includes.stream().filter(i -> i.path().matcher(path).matches()).findFirst();
  }
}
