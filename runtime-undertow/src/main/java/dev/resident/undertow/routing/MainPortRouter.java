package dev.resident.undertow.routing;

import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.VersionRuntime;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes a request of the main port (R-HOST-3, R-HOST-4): by the first matching dispatch rule, else by
 * the Host header ({@code <instance>.<version>.<module>.<domain>} or its {@code -dot-} form), else to the
 * default module's default version. An unknown instance gets 404.
 */
public final class MainPortRouter implements HttpHandler {

  private final ApplicationRuntime application;
  private final DispatchTable dispatch;
  private final HostNameParser hosts;
  private final HttpHandler next;

  /**
   * @param application the versions to route to
   * @param dispatch the dispatch rules
   * @param hosts parses Host headers; null when no domain is configured
   * @param next the next handler
   */
  public MainPortRouter(
      ApplicationRuntime application, DispatchTable dispatch, HostNameParser hosts, HttpHandler next) {
    this.application = Objects.requireNonNull(application, "application");
    this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    this.hosts = hosts;
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    RequestTarget target = route(exchange);
    if (target == null) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.endExchange();
      return;
    }
    target.attachTo(exchange);
    next.handleRequest(exchange);
  }

  private RequestTarget route(HttpServerExchange exchange) {
    String hostHeader = exchange.getRequestHeaders().getFirst(Headers.HOST);
    String host = hostHeader == null ? "" : HostNameParser.hostName(hostHeader);
    Optional<String> dispatched = dispatch.moduleFor(host, exchange.getRelativePath());
    if (dispatched.isPresent()) {
      VersionRuntime version = application.findVersion(dispatched.get(), null);
      if (version != null) {
        return RequestTarget.of(version);
      }
    }
    if (hosts != null && hostHeader != null) {
      Optional<HostAddress> address = hosts.parse(hostHeader);
      if (address.isPresent()) {
        return target(address.get());
      }
    }
    return RequestTarget.of(application.defaultVersion());
  }

  private RequestTarget target(HostAddress address) {
    String module = address.module() == null ? "default" : address.module();
    VersionRuntime version = application.findVersion(module, address.version());
    if (version == null) {
      return RequestTarget.of(application.defaultVersion());
    }
    if (address.instance() == null) {
      return RequestTarget.of(version);
    }
    InstanceSlot slot = version.slot(address.instance());
    if (slot != null) {
      return RequestTarget.of(slot);
    }
    Instance automatic = version.automaticInstance(address.instance());
    return automatic == null ? null : new RequestTarget(version, null, automatic);
  }

  @Override
  public String toString() {
    return "main-port-router(" + dispatch + ", host names" + (hosts == null ? " off" : "") + ") -> " + next;
  }
}
