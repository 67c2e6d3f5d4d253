package dev.resident.undertow.deployment;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.MimeMappings;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a WAR's static files in front of its servlets, as App Engine's static file servers did
 * (R-WAR-2): a GET or HEAD of a path {@link StaticPaths} finds, with
 * {@code Cache-Control: public, max-age=<expiration>} and the include's {@code http-header}s. Anything
 * else goes to the servlets.
 */
final class WarStaticFiles implements HttpHandler {
  private final StaticPaths paths;
  private final ResourceHandler resources;
  private final HttpHandler next;

  WarStaticFiles(StaticPaths paths, Map<String, String> mime, HttpHandler next) {
    this.paths = paths;
    MimeMappings.Builder types = MimeMappings.builder(true);
    mime.forEach(types::addMapping);
    this.resources = new ResourceHandler(
        PathResourceManager.builder().setBase(paths.root()).setAllowResourceChangeListeners(false).build(), next)
        .setDirectoryListingEnabled(false)
        .setWelcomeFiles()
        .setMimeMappings(types.build());
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HttpString method = exchange.getRequestMethod();
    if (method.equals(Methods.GET) || method.equals(Methods.HEAD)) {
      Optional<StaticPaths.Served> served = paths.resolve(exchange.getRelativePath());
      if (served.isPresent()) {
        exchange.getResponseHeaders().put(new HttpString("Cache-Control"), served.get().cacheControl());
        served.get().include().headers().forEach((name, value) ->
            exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.setRelativePath(served.get().path());
        resources.handleRequest(exchange);
        return;
      }
    }
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "war-static-files(" + paths + ") -> " + next;
  }
}
