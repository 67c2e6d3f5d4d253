package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.Origin;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a WAR's {@code web.xml} (and, unless {@code metadata-complete}, its servlet annotations) deploy
 * (R-WAR-3).
 *
 * @param contextParams the {@code context-param}s, in order
 * @param servlets the servlets, with their mappings
 * @param filters the filters
 * @param filterMappings the filter mappings, in the order filters run
 * @param listeners the listener class names, in order
 * @param welcomeFiles the {@code welcome-file-list}; empty for none
 * @param errorPages the {@code error-page}s
 * @param mimeMappings extension to MIME type
 * @param sessionTimeoutMinutes {@code session-config/session-timeout}; null for the container's default
 * @param accessRules the {@code security-constraint}s that ask for protection, one per URL pattern
 * @param metadataComplete whether annotations are not to be scanned
 */
public record WebApp(
    Map<String, String> contextParams,
    List<Servlet> servlets,
    List<Filter> filters,
    List<FilterMapping> filterMappings,
    List<String> listeners,
    List<String> welcomeFiles,
    List<ErrorPage> errorPages,
    Map<String, String> mimeMappings,
    Integer sessionTimeoutMinutes,
    List<AccessRule> accessRules,
    boolean metadataComplete) {

  /** A WAR without {@code web.xml}. */
  public static final WebApp EMPTY = new WebApp(Map.of(), List.of(), List.of(), List.of(), List.of(),
      List.of(), List.of(), Map.of(), null, List.of(), false);

  public WebApp {
    contextParams = Map.copyOf(contextParams);
    servlets = List.copyOf(servlets);
    filters = List.copyOf(filters);
    filterMappings = List.copyOf(filterMappings);
    listeners = List.copyOf(listeners);
    welcomeFiles = List.copyOf(welcomeFiles);
    errorPages = List.copyOf(errorPages);
    mimeMappings = Map.copyOf(mimeMappings);
    accessRules = List.copyOf(accessRules);
  }

  /**
   * One {@code servlet} and its {@code servlet-mapping}s.
   *
   * @param name the {@code servlet-name}
   * @param className the {@code servlet-class}
   * @param initParams the {@code init-param}s
   * @param loadOnStartup the {@code load-on-startup} order; null when not given
   * @param asyncSupported {@code async-supported}
   * @param urlPatterns the mapped URL patterns
   * @param origin where it is declared
   */
  public record Servlet(String name, String className, Map<String, String> initParams,
      Integer loadOnStartup, boolean asyncSupported, List<String> urlPatterns, Origin origin) {
    public Servlet {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(className, "className");
      initParams = Map.copyOf(initParams);
      urlPatterns = List.copyOf(urlPatterns);
    }
  }

  /**
   * One {@code filter}.
   *
   * @param name the {@code filter-name}
   * @param className the {@code filter-class}
   * @param initParams the {@code init-param}s
   * @param asyncSupported {@code async-supported}
   * @param origin where it is declared
   */
  public record Filter(String name, String className, Map<String, String> initParams,
      boolean asyncSupported, Origin origin) {
    public Filter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(className, "className");
      initParams = Map.copyOf(initParams);
    }
  }

  /**
   * One {@code filter-mapping}.
   *
   * @param filterName the filter
   * @param urlPatterns its URL patterns
   * @param servletNames its servlet names
   * @param dispatchers when it runs; {@code REQUEST} when none is given
   */
  public record FilterMapping(String filterName, List<String> urlPatterns, List<String> servletNames,
      Set<DispatcherType> dispatchers) {
    public FilterMapping {
      urlPatterns = List.copyOf(urlPatterns);
      servletNames = List.copyOf(servletNames);
      dispatchers = Set.copyOf(dispatchers);
    }
  }

  /**
   * One {@code error-page}: by status code or by exception type.
   *
   * @param errorCode the status; null for an exception page or the default page
   * @param exceptionType the exception class name; null for a status page or the default page
   * @param location the page's path
   */
  public record ErrorPage(Integer errorCode, String exceptionType, String location) {}
}
