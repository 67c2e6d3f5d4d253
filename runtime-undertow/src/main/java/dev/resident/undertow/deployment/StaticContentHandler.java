package dev.resident.undertow.deployment;

import dev.resident.undertow.config.HandlerConfig;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a module's {@code static_dir} and {@code static_files} handlers (R-CFG-2) in front of its
 * servlets. Paths are resolved against the base directory (the working directory unless set).
 */
final class StaticContentHandler implements HttpHandler {

  private final List<Rule> rules;
  private final HttpHandler next;

  private StaticContentHandler(List<Rule> rules, HttpHandler next) {
    this.rules = List.copyOf(rules);
    this.next = next;
  }

  /**
   * Wraps a handler with the static handlers among {@code handlers}, or returns it as it is when there are
   * none.
   */
  static HttpHandler wrap(List<HandlerConfig> handlers, Path baseDirectory, HttpHandler next) {
    List<Rule> rules = new ArrayList<>();
    for (HandlerConfig handler : handlers) {
      switch (handler.kind()) {
        case STATIC_DIR -> rules.add(new DirectoryRule(
            stripWildcard(handler.url()), baseDirectory.resolve(handler.target()), next));
        case STATIC_FILES -> rules.add(new FilesRule(
            Pattern.compile(handler.url()), handler.target(),
            Pattern.compile(handler.upload() == null ? ".*" : handler.upload()), baseDirectory, next));
        default -> { }
      }
    }
    return rules.isEmpty() ? next : new StaticContentHandler(rules, next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    for (Rule rule : rules) {
      if (rule.serve(path, exchange)) {
        return;
      }
    }
    next.handleRequest(exchange);
  }

  private static String stripWildcard(String url) {
    String prefix = url.endsWith("/*") ? url.substring(0, url.length() - 2) : url;
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  @Override
  public String toString() {
    return "static-content(" + rules + ") -> " + next;
  }

  private interface Rule {
    boolean serve(String path, HttpServerExchange exchange) throws Exception;
  }

  private record DirectoryRule(String prefix, Path directory, ResourceHandler resources)
      implements Rule {
    DirectoryRule(String prefix, Path directory, HttpHandler notFound) {
      this(prefix, directory, new ResourceHandler(new PathResourceManager(directory), notFound)
          .setDirectoryListingEnabled(false));
    }

    @Override
    public boolean serve(String path, HttpServerExchange exchange) throws Exception {
      if (!path.startsWith(prefix + "/")) {
        return false;
      }
      exchange.setRelativePath(path.substring(prefix.length()));
      resources.handleRequest(exchange);
      return true;
    }

    @Override
    public String toString() {
      return prefix + " -> " + directory;
    }
  }

  private record FilesRule(Pattern url, String files, Pattern upload, ResourceHandler resources)
      implements Rule {
    FilesRule(Pattern url, String files, Pattern upload, Path baseDirectory, HttpHandler notFound) {
      this(url, files, upload, new ResourceHandler(new PathResourceManager(baseDirectory), notFound)
          .setDirectoryListingEnabled(false));
    }

    @Override
    public boolean serve(String path, HttpServerExchange exchange) throws Exception {
      Matcher matcher = url.matcher(path);
      if (!matcher.matches()) {
        return false;
      }
      String file = files;
      for (int group = matcher.groupCount(); group >= 1; group--) {
        String value = matcher.group(group);
        file = file.replace("\\" + group, value == null ? "" : value);
      }
      if (!upload.matcher(file).matches() || file.contains("..")) {
        return false;
      }
      exchange.setRelativePath("/" + file);
      resources.handleRequest(exchange);
      return true;
    }

    @Override
    public String toString() {
      return url.pattern() + " -> " + files;
    }
  }
}
