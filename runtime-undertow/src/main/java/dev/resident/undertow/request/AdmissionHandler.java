package dev.resident.undertow.request;

import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.routing.RequestTarget;
import dev.resident.undertow.time.HostClock;
import dev.resident.undertow.trust.InternalRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The last link of the chain: hands the request to its target's admission (R-REQ-1..4) and, once
 * admitted, to a request thread. A waiting request is parked: it holds no thread, and a {@link DisconnectWatch}
 * takes it out of the queue if its client goes away (R-REQ-2). An instance's start request skips the queue
 * (R-LIFE-1).
 */
public final class AdmissionHandler implements HttpHandler {

  private static final String START_PATH = "/_ah/start";

  private final Executor requestExecutor;
  private final HostClock clock;

  /**
   * @param requestExecutor runs admitted requests
   * @param clock the host's clock
   */
  public AdmissionHandler(Executor requestExecutor, HostClock clock) {
    this.requestExecutor = Objects.requireNonNull(requestExecutor, "requestExecutor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    RequestBreakdown.stamp(exchange, RequestBreakdown.Point.ADMISSION);
    RequestTarget target = RequestTarget.of(exchange);
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> admit(exchange, target));
  }

  private void admit(HttpServerExchange exchange, RequestTarget target) {
    boolean failfast = RequestAttachments.flag(exchange, RequestAttachments.FAILFAST);
    ExchangeRequest request = new ExchangeRequest(exchange, target.addressed(), requestExecutor, clock);
    if (target.slot() != null) {
      Instance current = target.slot().current();
      if (current != null && isStartRequest(exchange) && current.takeStartRequest()) {
        rewriteStartPath(exchange, current);
        request.run(current, false);
        return;
      }
      InstanceState refused = target.version().dispatchTo(target.slot(), request, failfast);
      if (refused != null) {
        respond(exchange, refused == InstanceState.STOPPING ? StatusCodes.NOT_FOUND : StatusCodes.SERVICE_UNAVAILABLE);
      }
    } else if (target.instance() != null) {
      InstanceState state = target.instance().state();
      if (state == InstanceState.SERVING || state == InstanceState.STARTING) {
        target.instance().offer(request, failfast || target.version().config().failfast());
      } else {
        ExchangeRequest.respond(exchange, Rejection.STOPPING);
      }
    } else if (!target.version().dispatch(request, failfast)) {
      respond(exchange, StatusCodes.SERVICE_UNAVAILABLE);
    }
    request.watchWhileWaiting();
  }

  private static boolean isStartRequest(HttpServerExchange exchange) {
    return InternalRequests.isInternal(exchange) && START_PATH.equals(exchange.getRelativePath());
  }

  private static void rewriteStartPath(HttpServerExchange exchange, Instance instance) {
    String handler = instance.version().startHandler();
    if (handler != null && handler.startsWith("/")) {
      exchange.setRequestPath(handler);
      exchange.setRelativePath(handler);
      exchange.setRequestURI(handler);
    }
  }

  private static void respond(HttpServerExchange exchange, int status) {
    io.undertow.server.Connectors.executeRootHandler(ex -> ex.setStatusCode(status), exchange);
  }

  @Override
  public String toString() {
    return "admission";
  }
}
