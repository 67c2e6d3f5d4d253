package dev.resident.undertow.deployment;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The servlets, filters and listeners of one module, given in code (R-HOST-1). Every instance gets its own
 * objects: a class is instantiated once per instance, a supplier is called once per instance.
 *
 * <pre>{@code
 * handlers.servlet("/hello/*", HelloServlet.class)
 *         .filter("/*", AuditFilter.class)
 *         .listener(() -> new CacheLoader(store));
 * }</pre>
 */
public final class ModuleHandlers {

  private final List<Registration<? extends Servlet>> servlets = new ArrayList<>();
  private final List<Registration<? extends Filter>> filters = new ArrayList<>();
  private final List<Registration<? extends EventListener>> listeners = new ArrayList<>();

  /**
   * Maps a servlet class to a URL pattern.
   *
   * @param urlPattern a servlet URL pattern, such as {@code /tasks/*}
   * @param servlet the servlet class, with a public no-argument constructor
   * @return these handlers
   */
  public ModuleHandlers servlet(String urlPattern, Class<? extends Servlet> servlet) {
    Objects.requireNonNull(servlet, "servlet");
    servlets.add(new Registration<>(checkPattern(urlPattern), servlet, null));
    return this;
  }

  /**
   * Maps servlets made by a supplier to a URL pattern; the supplier is called once per instance.
   *
   * @param urlPattern a servlet URL pattern, such as {@code /tasks/*}
   * @param type the servlet's class
   * @param servlet makes one servlet per instance
   * @param <S> the servlet type
   * @return these handlers
   */
  public <S extends Servlet> ModuleHandlers servlet(String urlPattern, Class<S> type, Supplier<S> servlet) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(servlet, "servlet");
    servlets.add(new Registration<>(checkPattern(urlPattern), type, servlet));
    return this;
  }

  /**
   * Maps a filter class to a URL pattern.
   *
   * @param urlPattern a URL pattern, such as {@code /*}
   * @param filter the filter class, with a public no-argument constructor
   * @return these handlers
   */
  public ModuleHandlers filter(String urlPattern, Class<? extends Filter> filter) {
    Objects.requireNonNull(filter, "filter");
    filters.add(new Registration<>(checkPattern(urlPattern), filter, null));
    return this;
  }

  /**
   * Maps filters made by a supplier to a URL pattern; the supplier is called once per instance.
   *
   * @param urlPattern a URL pattern, such as {@code /*}
   * @param type the filter's class
   * @param filter makes one filter per instance
   * @param <F> the filter type
   * @return these handlers
   */
  public <F extends Filter> ModuleHandlers filter(String urlPattern, Class<F> type, Supplier<F> filter) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(filter, "filter");
    filters.add(new Registration<>(checkPattern(urlPattern), type, filter));
    return this;
  }

  /**
   * Adds a listener class, such as a {@code ServletContextListener}, called as each instance starts and
   * stops.
   *
   * @param listener the listener class, with a public no-argument constructor
   * @return these handlers
   */
  public ModuleHandlers listener(Class<? extends EventListener> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(new Registration<>("", listener, null));
    return this;
  }

  /**
   * Adds listeners made by a supplier; the supplier is called once per instance.
   *
   * @param type the listener's class
   * @param listener makes one listener per instance
   * @param <L> the listener type
   * @return these handlers
   */
  public <L extends EventListener> ModuleHandlers listener(Class<L> type, Supplier<L> listener) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listener, "listener");
    listeners.add(new Registration<>("", type, listener));
    return this;
  }

  /**
   * Tells whether no handler was given.
   *
   * @return true when there is no servlet, filter or listener
   */
  public boolean isEmpty() {
    return servlets.isEmpty() && filters.isEmpty() && listeners.isEmpty();
  }

  List<Registration<? extends Servlet>> servlets() {
    return List.copyOf(servlets);
  }

  List<Registration<? extends Filter>> filters() {
    return List.copyOf(filters);
  }

  List<Registration<? extends EventListener>> listeners() {
    return List.copyOf(listeners);
  }

  private static String checkPattern(String urlPattern) {
    Objects.requireNonNull(urlPattern, "urlPattern");
    if (!urlPattern.startsWith("/") && !urlPattern.startsWith("*.")) {
      throw new IllegalArgumentException(
          "urlPattern must start with / or *., found \"" + urlPattern + "\"");
    }
    return urlPattern;
  }

  /** One servlet, filter or listener: its URL pattern, class, and supplier (null to instantiate the class). */
  record Registration<T>(String urlPattern, Class<? extends T> type, Supplier<? extends T> supplier) {}
}
