package dev.resident.undertow.descriptor;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * One exploded WAR directory as read (R-WAR-1): its root, what {@code web.xml} deploys and the WAR-only
 * settings of its {@code appengine-web.xml}.
 *
 * @param root the WAR directory
 * @param web what it deploys
 * @param settings static files, system properties, class loading
 * @param sources the names of its configuration files ({@code appengine-web.xml}, and the
 *     {@code backends} and {@code dispatch} files of its {@code WEB-INF}), as versions name their source
 */
public record War(Path root, WebApp web, WarSettings settings, Set<String> sources) {
  public War {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(settings, "settings");
    sources = Set.copyOf(sources);
  }

  /**
   * Returns the directory of the classes.
   *
   * @return {@code WEB-INF/classes}
   */
  public Path classes() {
    return root.resolve("WEB-INF").resolve("classes");
  }

  /**
   * Returns the directory of the libraries.
   *
   * @return {@code WEB-INF/lib}
   */
  public Path lib() {
    return root.resolve("WEB-INF").resolve("lib");
  }
}
