package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.Origin;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Adds the {@code @WebServlet}, {@code @WebFilter} and {@code @WebListener} classes of
 * {@code WEB-INF/classes} to what {@code web.xml} declares (R-WAR-3), reading class files without loading
 * them. A servlet or filter that {@code web.xml} declares under the same name keeps web.xml's settings,
 * as the Servlet specification says. Every class is also checked for {@code javax.servlet} references,
 * metadata-complete or not: a WAR compiled against {@code javax.servlet} is an error naming the migration
 * recipe (R-WAR-5).
 */
final class Annotations {
  private static final String PREFIX = "Ljakarta/servlet/annotation/";

  private Annotations() {}

  /**
   * Merges the annotated classes of a directory into a web application.
   *
   * @param web what web.xml declares
   * @param classes the {@code WEB-INF/classes} directory; nothing is added when it does not exist
   * @param findings where to report
   * @return the web application with the annotated classes
   */
  static WebApp merge(WebApp web, Path classes, Findings findings) {
    if (!Files.isDirectory(classes)) {
      return web;
    }
    List<String> javax = new ArrayList<>();
    List<WebApp.Servlet> servlets = new ArrayList<>(web.servlets());
    List<WebApp.Filter> filters = new ArrayList<>(web.filters());
    List<WebApp.FilterMapping> mappings = new ArrayList<>(web.filterMappings());
    List<String> listeners = new ArrayList<>(web.listeners());
    for (Path file : classFiles(classes)) {
      Origin at = new Origin(file.toString(), 0, 0);
      ClassFile c;
      try {
        c = ClassFile.read(Files.readAllBytes(file));
      } catch (IOException e) {
        findings.error(at, "", "cannot read the class file: " + e.getMessage());
        continue;
      }
      if (c.references()) {
        javax.add(c.className());
      }
      if (web.metadataComplete()) {
        continue;
      }
      Map<String, Object> servlet = c.annotations().get(PREFIX + "WebServlet;");
      if (servlet != null) {
        String name = (String) servlet.getOrDefault("name", "");
        String n = name.isEmpty() ? c.className() : name;
        if (servlets.stream().noneMatch(s -> s.name().equals(n))) {
          Integer order = (Integer) servlet.get("loadOnStartup");
          servlets.add(new WebApp.Servlet(n, c.className(), initParams(servlet),
              order == null || order < 0 ? null : order, (Boolean) servlet.getOrDefault("asyncSupported", false),
              patterns(servlet), at));
        }
      }
      Map<String, Object> filter = c.annotations().get(PREFIX + "WebFilter;");
      if (filter != null) {
        String name = (String) filter.getOrDefault("filterName", "");
        String n = name.isEmpty() ? c.className() : name;
        if (filters.stream().noneMatch(f -> f.name().equals(n))) {
          filters.add(new WebApp.Filter(n, c.className(), initParams(filter),
              (Boolean) filter.getOrDefault("asyncSupported", false), at));
          Set<DispatcherType> dispatchers = EnumSet.noneOf(DispatcherType.class);
          for (Object d : list(filter.get("dispatcherTypes"))) {
            dispatchers.add(DispatcherType.valueOf(((ClassFile.EnumValue) d).name()));
          }
          if (dispatchers.isEmpty()) {
            dispatchers.add(DispatcherType.REQUEST);
          }
          List<String> servletNames = list(filter.get("servletNames")).stream().map(String.class::cast).toList();
          mappings.add(new WebApp.FilterMapping(n, patterns(filter), servletNames, dispatchers));
        }
      }
      if (c.annotations().containsKey(PREFIX + "WebListener;") && !listeners.contains(c.className())) {
        listeners.add(c.className());
      }
    }
    if (!javax.isEmpty()) {
      findings.error(new Origin(classes.toString(), 0, 0), "", "the WAR is compiled against javax.servlet ("
          + javax.get(0) + (javax.size() > 1 ? " and " + (javax.size() - 1) + " more classes" : "")
          + "), which Resident does not run; run the OpenRewrite recipe dev.resident.MigrateFromAppEngine"
          + " (artifact resident-rewrite, see docs/MIGRATION.md) to move it to jakarta.servlet");
    }
    return new WebApp(web.contextParams(), servlets, filters, mappings, listeners, web.welcomeFiles(),
        web.errorPages(), web.mimeMappings(), web.sessionTimeoutMinutes(), web.accessRules(),
        web.metadataComplete());
  }

  private static List<Path> classFiles(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> patterns(Map<String, Object> annotation) {
    List<String> patterns = new ArrayList<>();
    list(annotation.get("value")).forEach(p -> patterns.add((String) p));
    list(annotation.get("urlPatterns")).forEach(p -> patterns.add((String) p));
    return patterns;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> initParams(Map<String, Object> annotation) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Object p : list(annotation.get("initParams"))) {
      Map<String, Object> param = (Map<String, Object>) p;
      params.put((String) param.get("name"), (String) param.get("value"));
    }
    return params;
  }

  private static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
  }
}
