package dev.resident.undertow.descriptor;

import java.util.Map;
import java.util.Objects;

/**
 * What a WAR's {@code appengine-web.xml} says beyond the model of a version: static files, system
 * properties and how classes are loaded (R-WAR-2, R-WAR-5). Kept beside the version, keyed by its
 * source file, so the config records stay as they are.
 *
 * @param staticFiles which files are static
 * @param systemProperties the {@code system-properties}
 * @param classLoading {@code resident/class-loading}
 * @param sessionsEnabled {@code sessions-enabled}; default false, as App Engine's
 */
public record WarSettings(StaticFiles staticFiles, Map<String, String> systemProperties,
    ClassLoading classLoading, boolean sessionsEnabled) {

  /** The settings of an {@code appengine-web.xml} that gives none of them. */
  public static final WarSettings DEFAULT =
      new WarSettings(StaticFiles.DEFAULT, Map.of(), ClassLoading.VERSION, false);

  public WarSettings {
    Objects.requireNonNull(staticFiles, "staticFiles");
    systemProperties = Map.copyOf(systemProperties);
    Objects.requireNonNull(classLoading, "classLoading");
  }

  /** {@code resident.class_loading}: how many class loaders a WAR version gets. */
  public enum ClassLoading {
    /** One loader shared by every instance of the version. The default. */
    VERSION,
    /** One loader per instance, so static state is per instance as in App Engine's processes. */
    INSTANCE
  }
}
