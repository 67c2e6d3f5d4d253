package dev.resident.undertow.security;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.HandlerConfig;
import dev.resident.undertow.routing.RequestTarget;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Map;
import java.util.Objects;

/**
 * Enforces a version's access before admission, so that a refused request takes no slot and reaches no
 * filter or servlet: a private module takes internal requests only (R-SEC-2, 403); {@code secure: always}
 * URLs take TLS only (plain GET and HEAD redirected to https, others 403); {@code login: required} takes a
 * signed-in caller and {@code login: admin} an admin: an internal request, the admin token, or a caller in
 * the role {@code admin} (R-SEC-1). Not signed in: 302 to the login URL, or 401; signed in but not an
 * admin: 403. Signed requests pass. Installed only
 * in front of versions that have something to enforce.
 */
public final class AccessHandler implements HttpHandler {

  private final SecurityPlan plan;
  private final VersionAccess fixed;
  private final Map<String, VersionAccess> byVersion;
  private final HttpHandler next;

  private AccessHandler(SecurityPlan plan, VersionAccess fixed, Map<String, VersionAccess> byVersion, HttpHandler next) {
    this.plan = plan;
    this.fixed = fixed;
    this.byVersion = byVersion;
    this.next = Objects.requireNonNull(next, "next");
  }

  static AccessHandler forVersion(SecurityPlan plan, VersionAccess access, HttpHandler next) {
    return new AccessHandler(plan, access, null, next);
  }

  static AccessHandler routed(SecurityPlan plan, Map<String, VersionAccess> byVersion, HttpHandler next) {
    return new AccessHandler(plan, null, Map.copyOf(byVersion), next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    VersionAccess access = fixed;
    if (access == null) {
      RequestTarget target = RequestTarget.of(exchange);
      access = target == null ? null : byVersion.get(target.version().config().key());
      if (access == null) {
        next.handleRequest(exchange);
        return;
      }
    }
    if (InternalRequests.isInternal(exchange)) {
      next.handleRequest(exchange);
      return;
    }
    String path = CanonicalPath.of(exchange.getRelativePath());
    if (!access.publicAccess()) {
      Refusal.send(exchange, StatusCodes.FORBIDDEN, "private module: internal requests only");
      return;
    }
    if (!access.hasRules()) {
      next.handleRequest(exchange);
      return;
    }
    VersionAccess.Needs needs = access.needs(path, exchange.getRequestMethod().toString());
    boolean secure = plan.transport().secure(exchange);
    if (needs.secure() && !secure) {
      if (Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().put(Headers.LOCATION, plan.transport().httpsUrl(exchange));
        Refusal.send(exchange, StatusCodes.FOUND, "HTTPS only: redirected");
      } else {
        Refusal.send(exchange, StatusCodes.FORBIDDEN, "HTTPS only");
      }
      return;
    }
    if (needs.login() == HandlerConfig.Login.OPTIONAL || admitted(exchange, needs)) {
      next.handleRequest(exchange);
    }
  }

  /** Answers the request itself when its caller may not call; returns true when it may. */
  private boolean admitted(HttpServerExchange exchange, VersionAccess.Needs needs) {
    if (plan.adminToken() != null
        && plan.adminToken().matches(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
      exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
      return true;
    }
    ResidentPrincipal caller = Caller.of(exchange);
    if (caller != null) {
      if (needs.login() == HandlerConfig.Login.REQUIRED || caller.isAdmin()) {
        return true;
      }
      Refusal.send(exchange, StatusCodes.FORBIDDEN, "admins only");
      return false;
    }
    if (needs.onFail() == AccessRule.AuthFailAction.REDIRECT && plan.loginRedirect() != null) {
      exchange.getResponseHeaders().put(Headers.LOCATION,
          plan.loginRedirect().location(exchange, plan.transport().secure(exchange)));
      Refusal.send(exchange, StatusCodes.FOUND, "sign in first: redirected");
    } else {
      Refusal.send(exchange, StatusCodes.UNAUTHORIZED, "sign in first");
    }
    return false;
  }

  @Override
  public String toString() {
    return "access(" + (fixed != null ? fixed : byVersion.values()) + ") -> " + next;
  }
}
