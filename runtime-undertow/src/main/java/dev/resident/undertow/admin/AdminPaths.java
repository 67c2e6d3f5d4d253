package dev.resident.undertow.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * The main port's operations paths, behind {@link AdminAccess}: {@code /_ah/admin} (the console),
 * {@code /_ah/admin/api/…} (the API) and {@code /_ah/metrics}; every other path goes on. With a token set,
 * the console's page, style and script (which hold no data and do nothing by themselves) are served to any
 * client, so that a browser can open it and send the token with each API call.
 */
final class AdminPaths implements HttpHandler {

  private static final String ADMIN = ConsoleHandler.PATH;

  private final AdminAccess access;
  private final ConsoleHandler console;
  private final HttpHandler api;
  private final HttpHandler metrics;
  private final String metricsPath;
  private final HttpHandler next;

  AdminPaths(AdminAccess access, ConsoleHandler console, HttpHandler api, HttpHandler metrics, String metricsPath,
      HttpHandler next) {
    this.access = Objects.requireNonNull(access, "access");
    this.console = Objects.requireNonNull(console, "console");
    this.api = Objects.requireNonNull(api, "api");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.metricsPath = Objects.requireNonNull(metricsPath, "metricsPath");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    boolean admin = path.startsWith(ADMIN) && (path.length() == ADMIN.length() || path.charAt(ADMIN.length()) == '/');
    if (!admin && !path.equals(metricsPath)) {
      next.handleRequest(exchange);
      return;
    }
    boolean consoleAsset = admin && console.serves(path);
    AdminAccess.Verdict verdict = access.judge(exchange);
    if (verdict != AdminAccess.Verdict.ALLOWED && !(consoleAsset && access.tokenRequired())) {
      refuse(exchange, verdict);
      return;
    }
    if (path.startsWith(AdminApiHandler.PREFIX)) {
      api.handleRequest(exchange);
    } else if (admin) {
      console.handleRequest(exchange);
    } else {
      metrics.handleRequest(exchange);
    }
  }

  private static void refuse(HttpServerExchange exchange, AdminAccess.Verdict verdict) {
    int status;
    String message;
    if (verdict == AdminAccess.Verdict.NO_TOKEN) {
      status = StatusCodes.UNAUTHORIZED;
      message = "This host's operations paths need Authorization: Bearer <resident.admin_token>";
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"resident-admin\"");
    } else {
      status = StatusCodes.FORBIDDEN;
      message = "This host's operations paths answer loopback clients only, unless resident.admin_token is set";
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send("{\"status\":" + status + ",\"message\":\"" + message + "\"}\n");
  }

  @Override
  public String toString() {
    return "admin-paths(" + access + ": " + console + ", " + api + ", " + metrics + ") -> " + next;
  }
}
