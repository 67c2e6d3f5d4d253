package dev.resident.undertow;

import dev.resident.undertow.accesslog.AccessLog;
import dev.resident.undertow.accesslog.AccessLogHandler;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.health.HealthHandler;
import dev.resident.undertow.health.HostLiveness;
import dev.resident.undertow.health.Readiness;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.PortHandlers;
import dev.resident.undertow.instance.RequestIds;
import dev.resident.undertow.instance.VersionRuntime;
import dev.resident.undertow.request.AdmissionHandler;
import dev.resident.undertow.request.AppEngineHeadersHandler;
import dev.resident.undertow.request.InternalPathHandler;
import dev.resident.undertow.request.RequestIdHandler;
import dev.resident.undertow.request.RequestLimitsHandler;
import dev.resident.undertow.request.TransferCodingHandler;
import dev.resident.undertow.routing.DispatchTable;
import dev.resident.undertow.routing.FixedTargetHandler;
import dev.resident.undertow.routing.HostNameParser;
import dev.resident.undertow.routing.MainPortRouter;
import dev.resident.undertow.routing.RequestTarget;
import dev.resident.undertow.security.SecurityPlan;
import dev.resident.undertow.time.HostClock;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The handler chains of a host's ports, read top to bottom: health probes, (main port: operations paths),
 * request id, access log, transfer codings, internal requests and reserved paths, App Engine headers,
 * identity, the port's target (main-port routing, or a fixed version or instance), access (only for
 * versions that have something to enforce), request limits, admission.
 */
final class PortChains implements PortHandlers {

  private final InternalRequests internal;
  private final RequestIds ids;
  private final HostClock clock;
  private final HttpHandler admission;
  private final SecurityPlan security;
  private final HostLiveness liveness;
  private final AccessLog accessLog;

  PortChains(InternalRequests internal, RequestIds ids, HostClock clock, Executor requestExecutor,
      SecurityPlan security, HostLiveness liveness, AccessLog accessLog) {
    this.internal = internal;
    this.ids = ids;
    this.clock = clock;
    this.security = security;
    this.admission = new RequestLimitsHandler(new AdmissionHandler(requestExecutor, clock));
    this.liveness = liveness;
    this.accessLog = accessLog;
  }

  @Override
  public HttpHandler versionPort(VersionRuntime version) {
    return new HealthHandler(liveness, Readiness.of(version),
        front(new FixedTargetHandler(RequestTarget.of(version), security.guard(version.config(), admission))));
  }

  @Override
  public HttpHandler instancePort(InstanceSlot slot) {
    return new HealthHandler(liveness, Readiness.of(slot),
        front(new FixedTargetHandler(RequestTarget.of(slot), security.guard(slot.version().config(), admission))));
  }

  /**
   * Returns the chain of the main port: dispatch rules, then Host header, else the default module.
   *
   * @param application the running versions
   * @return the root handler
   */
  HttpHandler mainPort(ApplicationRuntime application, UnaryOperator<HttpHandler> operationsPaths) {
    ApplicationConfig config = application.config();
    HostNameParser hosts = config.domain() == null ? null : new HostNameParser(config.domain(), versionsByModule(config));
    return new HealthHandler(liveness, Readiness.mainPort(application), operationsPaths.apply(
        front(new MainPortRouter(application, DispatchTable.compile(config.dispatch()), hosts,
            security.guardRouted(admission)))));
  }

  private HttpHandler front(HttpHandler target) {
    HttpHandler rest = new TransferCodingHandler(new InternalPathHandler(internal,
        new AppEngineHeadersHandler(security.front(target))));
    return new RequestIdHandler(ids, clock, accessLog == null ? rest : new AccessLogHandler(accessLog, rest));
  }

  private static Map<String, Set<String>> versionsByModule(ApplicationConfig config) {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    config.modules().forEach(module -> {
      Set<String> names = new LinkedHashSet<>();
      module.versions().forEach(version -> names.add(version.version()));
      versions.put(module.name(), names);
    });
    return versions;
  }

  @Override
  public String toString() {
    return "port-chains(" + front(admission) + ")";
  }
}
