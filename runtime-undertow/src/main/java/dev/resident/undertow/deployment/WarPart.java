package dev.resident.undertow.deployment;

import dev.resident.undertow.classloading.WarClassLoader;
import dev.resident.undertow.classloading.WarLoaders;
import dev.resident.undertow.descriptor.War;
import dev.resident.undertow.descriptor.WebApp;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ErrorPage;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.MimeMapping;
import io.undertow.servlet.api.ServletInfo;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.util.EventListener;
import java.util.List;

/**
 * What a WAR adds to a version's deployment (R-WAR-3, R-WAR-5): the servlets, filters, listeners,
 * parameters, welcome files, error pages, MIME types and session timeout of its {@code web.xml} and
 * annotations, loaded by the version's (or instance's) {@link WarClassLoader}, and its static files in
 * front.
 */
final class WarPart {
  private static final List<String> DEFAULT_WELCOME = List.of("index.html", "index.htm");
  private static final String RECIPE = "run the OpenRewrite recipe dev.resident.MigrateFromAppEngine"
      + " (artifact resident-rewrite, see docs/MIGRATION.md) to move it to jakarta.servlet";

  private final String displayName;
  private final War war;
  private final WarLoaders loaders;

  private WarPart(String displayName, War war, WarLoaders loaders) {
    this.displayName = displayName;
    this.war = war;
    this.loaders = loaders;
  }

  /**
   * Makes the WAR part of a plan, loading every class web.xml names once with a loader closed right
   * after, so that a missing or {@code javax.servlet} class fails the host's start.
   *
   * @throws IllegalArgumentException naming the class and what is wrong
   */
  static WarPart of(String displayName, War war, ClassLoader host) {
    WarLoaders loaders = new WarLoaders(displayName, war.root(), host,
        war.settings().classLoading() == dev.resident.undertow.descriptor.WarSettings.ClassLoading.INSTANCE);
    WarPart part = new WarPart(displayName, war, loaders);
    try (WarClassLoader check = loaders.temporary()) {
      part.loadAll(check);
    } catch (IOException e) {
      throw new IllegalArgumentException(displayName + ": cannot close the class loader of " + war.root(), e);
    }
    return part;
  }

  WarLoaders loaders() {
    return loaders;
  }

  private void loadAll(ClassLoader loader) {
    WebApp web = war.web();
    web.servlets().forEach(s -> load("servlet " + s.name(), s.className(), Servlet.class, loader));
    web.filters().forEach(f -> load("filter " + f.name(), f.className(), Filter.class, loader));
    web.listeners().forEach(l -> load("listener", l, EventListener.class, loader));
  }

  /**
   * Adds the WAR's web application to a deployment.
   *
   * @param info the deployment
   * @param loader the loader of this deployment's classes
   */
  void apply(DeploymentInfo info, ClassLoader loader) {
    WebApp web = war.web();
    web.contextParams().forEach(info::addInitParameter);
    for (WebApp.Servlet s : web.servlets()) {
      ServletInfo servlet = Servlets.servlet(s.name(), load("servlet " + s.name(), s.className(), Servlet.class, loader))
          .setAsyncSupported(s.asyncSupported())
          .addMappings(s.urlPatterns());
      s.initParams().forEach(servlet::addInitParam);
      if (s.loadOnStartup() != null) {
        servlet.setLoadOnStartup(s.loadOnStartup());
      }
      info.addServlet(servlet);
    }
    for (WebApp.Filter f : web.filters()) {
      FilterInfo filter = Servlets.filter(f.name(), load("filter " + f.name(), f.className(), Filter.class, loader))
          .setAsyncSupported(f.asyncSupported());
      f.initParams().forEach(filter::addInitParam);
      info.addFilter(filter);
    }
    for (WebApp.FilterMapping m : web.filterMappings()) {
      for (DispatcherType dispatcher : m.dispatchers()) {
        m.urlPatterns().forEach(p -> info.addFilterUrlMapping(m.filterName(), p, dispatcher));
        m.servletNames().forEach(n -> info.addFilterServletNameMapping(m.filterName(), n, dispatcher));
      }
    }
    for (String l : web.listeners()) {
      info.addListener(Servlets.listener(load("listener", l, EventListener.class, loader)));
    }
    info.addWelcomePages(welcomeFiles());
    for (WebApp.ErrorPage e : web.errorPages()) {
      if (e.errorCode() != null) {
        info.addErrorPage(new ErrorPage(e.location(), e.errorCode()));
      } else if (e.exceptionType() != null) {
        info.addErrorPage(new ErrorPage(e.location(), load("error page", e.exceptionType(), Throwable.class, loader)));
      } else {
        info.addErrorPage(new ErrorPage(e.location()));
      }
    }
    web.mimeMappings().forEach((extension, type) -> info.addMimeMapping(new MimeMapping(extension, type)));
    if (web.sessionTimeoutMinutes() != null) {
      info.setDefaultSessionTimeout(web.sessionTimeoutMinutes() * 60);
    }
    // No change listeners: they register a file watcher that would keep the deployment (and its class
    // loader) reachable after it stops, and cost a watch per instance.
    info.setResourceManager(io.undertow.server.handlers.resource.PathResourceManager.builder()
        .setBase(war.root()).setAllowResourceChangeListeners(false).build());
    if (web.servlets().stream().noneMatch(s -> s.name().equals("default"))) {
      StaticFileServlet files = new StaticFileServlet(staticPaths());
      info.addServlet(Servlets.servlet("default", StaticFileServlet.class,
          () -> new io.undertow.servlet.util.ImmediateInstanceHandle<>(files)));
    }
  }

  /**
   * Puts the WAR's static files in front of a deployment's handler.
   *
   * @param servlets the deployment's handler
   * @return the handler that serves static files first
   */
  HttpHandler wrap(HttpHandler servlets) {
    return new WarStaticFiles(staticPaths(), war.web().mimeMappings(), servlets);
  }

  private StaticPaths staticPaths() {
    return new StaticPaths(war.root(), war.settings().staticFiles(), welcomeFiles());
  }

  private List<String> welcomeFiles() {
    return war.web().welcomeFiles().isEmpty() ? DEFAULT_WELCOME : war.web().welcomeFiles();
  }

  private <T> Class<? extends T> load(String what, String className, Class<T> kind, ClassLoader loader) {
    Class<?> loaded;
    try {
      loaded = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(displayName + ": web.xml " + what + ": class " + className
          + " was not found in " + war.classes() + " or the jars of " + war.lib(), e);
    } catch (LinkageError e) {
      if (String.valueOf(e.getMessage()).contains("javax/servlet")) {
        throw new IllegalArgumentException(displayName + ": web.xml " + what + ": class " + className
            + " is compiled against javax.servlet (" + e.getMessage() + "), which Resident does not run; "
            + RECIPE, e);
      }
      throw new IllegalArgumentException(displayName + ": web.xml " + what + ": class " + className
          + " cannot be loaded: " + e, e);
    }
    if (!kind.isAssignableFrom(loaded)) {
      throw new IllegalArgumentException(displayName + ": web.xml " + what + ": class " + className
          + " is not a " + kind.getName());
    }
    return loaded.asSubclass(kind);
  }

  @Override
  public String toString() {
    return "war(" + war.root() + ", " + loaders + ")";
  }
}
