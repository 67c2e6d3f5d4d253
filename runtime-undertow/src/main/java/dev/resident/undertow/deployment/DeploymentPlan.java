package dev.resident.undertow.deployment;

import dev.resident.undertow.config.HandlerConfig;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.InstanceFactory;
import io.undertow.servlet.api.InstanceHandle;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceHandle;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one module version deploys for each of its instances: the handlers given in code and the yaml
 * {@code handlers}. Class names from yaml are loaded when the plan is made, so a missing class fails the
 * host's start, not the first request.
 */
public final class DeploymentPlan {

  private final String displayName;
  private final ClassLoader classLoader;
  private final ModuleHandlers code;
  private final List<HandlerConfig> yamlHandlers;
  private final List<Class<? extends Servlet>> yamlServlets;
  private final List<Class<? extends Filter>> yamlFilters;
  private final Path baseDirectory;
  private final Map<String, String> initParameters;
  private final WarPart war;

  private DeploymentPlan(
      String displayName,
      ClassLoader classLoader,
      ModuleHandlers code,
      List<HandlerConfig> yamlHandlers,
      List<Class<? extends Servlet>> yamlServlets,
      List<Class<? extends Filter>> yamlFilters,
      Path baseDirectory,
      Map<String, String> initParameters,
      WarPart war) {
    this.displayName = displayName;
    this.classLoader = classLoader;
    this.code = code;
    this.yamlHandlers = yamlHandlers;
    this.yamlServlets = yamlServlets;
    this.yamlFilters = yamlFilters;
    this.baseDirectory = baseDirectory;
    this.initParameters = initParameters;
    this.war = war;
  }

  /**
   * Makes the plan of a version.
   *
   * @param displayName names the version in messages, such as {@code worker/v1}
   * @param classLoader loads yaml class names and runs the deployment
   * @param code the handlers given in code for the module; may be empty
   * @param yamlHandlers the version's yaml handlers
   * @param baseDirectory what static paths are relative to
   * @param envVariables the version's {@code env_variables}, given to each instance as servlet context init
   *     parameters (one JVM has one process environment)
   * @return the plan
   * @throws IllegalArgumentException if a yaml class is missing or is not a servlet or filter
   */
  public static DeploymentPlan of(
      String displayName,
      ClassLoader classLoader,
      ModuleHandlers code,
      List<HandlerConfig> yamlHandlers,
      Path baseDirectory,
      Map<String, String> envVariables) {
    List<Class<? extends Servlet>> servlets = new ArrayList<>();
    List<Class<? extends Filter>> filters = new ArrayList<>();
    for (HandlerConfig handler : yamlHandlers) {
      switch (handler.kind()) {
        case SERVLET -> servlets.add(load(displayName, handler, Servlet.class, classLoader));
        case FILTER -> filters.add(load(displayName, handler, Filter.class, classLoader));
        default -> { }
      }
    }
    return new DeploymentPlan(
        displayName, classLoader, code, List.copyOf(yamlHandlers), servlets, filters, baseDirectory,
        Map.copyOf(envVariables), null);
  }

  /**
   * Makes the plan of a version read from an exploded WAR (R-WAR-1, R-WAR-3, R-WAR-5): what its
   * {@code web.xml} and annotations declare, loaded by the WAR's class loader (one per version, or one
   * per instance with {@code resident/class-loading: instance}), its static files, and the handlers
   * given in code. Every class web.xml names is loaded once now with a loader closed right after.
   *
   * @param displayName names the version in messages, such as {@code worker/v1}
   * @param hostLoader the host's class loader, the parent of the WAR's
   * @param code the handlers given in code for the module; may be empty
   * @param war the WAR
   * @param envVariables the version's {@code env_variables}, as servlet context init parameters
   * @return the plan
   * @throws IllegalArgumentException if a class is missing, of the wrong type, or compiled against
   *     {@code javax.servlet} (the message names the migration recipe)
   */
  public static DeploymentPlan ofWar(
      String displayName,
      ClassLoader hostLoader,
      ModuleHandlers code,
      dev.resident.undertow.descriptor.War war,
      Map<String, String> envVariables) {
    war.settings().systemProperties().forEach(System::setProperty);
    return new DeploymentPlan(displayName, hostLoader, code, List.of(), List.of(), List.of(),
        war.root(), Map.copyOf(envVariables), WarPart.of(displayName, war, hostLoader));
  }

  /**
   * Deploys and starts one instance's deployment.
   *
   * @param container the host's servlet container
   * @param deploymentName a name unique in the container, such as {@code worker/v1/0#3}
   * @return the running deployment
   * @throws ServletException if a listener or servlet fails to start
   */
  public InstanceDeployment deploy(ServletContainer container, String deploymentName)
      throws ServletException {
    if (war == null) {
      return deploy(container, deploymentName, classLoader, null);
    }
    dev.resident.undertow.classloading.WarLoaders.Lease lease = war.loaders().acquire();
    try {
      return deploy(container, deploymentName, lease.loader(), lease);
    } catch (ServletException | RuntimeException | Error e) {
      lease.close();
      throw e;
    }
  }

  private InstanceDeployment deploy(
      ServletContainer container, String deploymentName, ClassLoader loader, AutoCloseable release)
      throws ServletException {
    DeploymentInfo info = Servlets.deployment()
        .setClassLoader(loader)
        .setContextPath("/")
        .setDeploymentName(deploymentName)
        .setDisplayName(displayName)
        .setExceptionHandler(new BodyLimitExceptionHandler())
        // The host enforces access before admission (R-SEC-1) and sets the caller on the exchange; the
        // deployment's own security handlers would replace it.
        .setSecurityDisabled(true);
    initParameters.forEach(info::addInitParameter);
    int index = 0;
    for (ModuleHandlers.Registration<? extends Servlet> servlet : code.servlets()) {
      info.addServlet(servletInfo("servlet-" + index++, servlet.type(), servlet.supplier())
          .addMapping(servlet.urlPattern()));
    }
    for (ModuleHandlers.Registration<? extends Filter> filter : code.filters()) {
      String name = "filter-" + index++;
      info.addFilter(filterInfo(name, filter.type(), filter.supplier()));
      info.addFilterUrlMapping(name, filter.urlPattern(), DispatcherType.REQUEST);
    }
    for (ModuleHandlers.Registration<? extends EventListener> listener : code.listeners()) {
      info.addListener(listenerInfo(listener.type(), listener.supplier()));
    }
    int servletIndex = 0;
    int filterIndex = 0;
    for (HandlerConfig handler : yamlHandlers) {
      switch (handler.kind()) {
        case SERVLET -> info.addServlet(
            servletInfo("servlet-" + index++, yamlServlets.get(servletIndex++), null)
                .addMapping(handler.url()));
        case FILTER -> {
          String name = "filter-" + index++;
          info.addFilter(filterInfo(name, yamlFilters.get(filterIndex++), null));
          info.addFilterUrlMapping(name, handler.url(), DispatcherType.REQUEST);
        }
        default -> { }
      }
    }
    if (war != null) {
      war.apply(info, loader);
      return InstanceDeployment.start(container, info, war::wrap, release);
    }
    return InstanceDeployment.start(
        container, info, handler -> StaticContentHandler.wrap(yamlHandlers, baseDirectory, handler), null);
  }

  private static <T> ServletInfo servletInfo(
      String name, Class<? extends Servlet> type, Supplier<? extends Servlet> supplier) {
    return supplier == null
        ? Servlets.servlet(name, type)
        : Servlets.servlet(name, type, factory(supplier));
  }

  private static FilterInfo filterInfo(
      String name, Class<? extends Filter> type, Supplier<? extends Filter> supplier) {
    return supplier == null
        ? Servlets.filter(name, type)
        : Servlets.filter(name, type, factory(supplier));
  }

  private static ListenerInfo listenerInfo(
      Class<? extends EventListener> type, Supplier<? extends EventListener> supplier) {
    return supplier == null ? Servlets.listener(type) : Servlets.listener(type, factory(supplier));
  }

  @SuppressWarnings("unchecked")
  private static <T> InstanceFactory<T> factory(Supplier<? extends T> supplier) {
    return () -> (InstanceHandle<T>) new ImmediateInstanceHandle<>(supplier.get());
  }

  private static <T> Class<? extends T> load(
      String displayName, HandlerConfig handler, Class<T> kind, ClassLoader classLoader) {
    String what = kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    Class<?> loaded;
    try {
      loaded = Class.forName(handler.target(), false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(displayName + ": handler " + handler.url() + ": " + what
          + " class " + handler.target() + " was not found on the classpath", e);
    }
    if (!kind.isAssignableFrom(loaded)) {
      throw new IllegalArgumentException(displayName + ": handler " + handler.url() + ": class "
          + handler.target() + " is not a " + kind.getName());
    }
    return loaded.asSubclass(kind);
  }

  @Override
  public String toString() {
    return "deployment-plan(" + displayName + ")";
  }
}
