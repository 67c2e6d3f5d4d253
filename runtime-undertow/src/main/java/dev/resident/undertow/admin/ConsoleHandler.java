package dev.resident.undertow.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The Instances Console (R-OPS-2): one HTML page, its style sheet and its script, read from the jar once
 * and served as they are; no external resource, nothing built. The page reads the admin API.
 */
final class ConsoleHandler implements HttpHandler {

  /** The console's path. */
  static final String PATH = "/_ah/admin";

  private record Asset(byte[] bytes, String type) {}

  private final Map<String, Asset> assets = Map.of(
      PATH, asset("console.html", "text/html; charset=utf-8"),
      PATH + "/", asset("console.html", "text/html; charset=utf-8"),
      PATH + "/console.css", asset("console.css", "text/css; charset=utf-8"),
      PATH + "/console.js", asset("console.js", "text/javascript; charset=utf-8"));

  private static Asset asset(String name, String type) {
    try (InputStream in = ConsoleHandler.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The console's " + name + " is missing from the jar");
      }
      return new Asset(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Tells whether a path is one of the console's.
   *
   * @param path a request path
   * @return true for the page and its assets
   */
  boolean serves(String path) {
    return assets.containsKey(path);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Asset asset = assets.get(exchange.getRelativePath());
    if (asset == null) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.endExchange();
      return;
    }
    if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.type());
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    // Only this host's own script, style and API; no frame may hold the page.
    exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    exchange.getResponseHeaders().put(Headers.X_FRAME_OPTIONS, "DENY");
    exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
    exchange.getResponseSender().send(ByteBuffer.wrap(asset.bytes()));
  }

  @Override
  public String toString() {
    return "console(" + PATH + ")";
  }
}
