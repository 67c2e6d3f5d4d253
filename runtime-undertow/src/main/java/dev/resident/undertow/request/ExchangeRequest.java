package dev.resident.undertow.request;

import dev.resident.undertow.admission.PendingRequest;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.deadline.RequestGuard;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.ThreadContext;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.IoUtils;

/**
 * One HTTP request on its way to an instance: waits without a thread, then runs on a request thread with
 * its instance's context bound, and gives its slot back exactly once however it ends.
 */
final class ExchangeRequest extends PendingRequest {

  private static final HttpString REJECTED = new HttpString(Rejection.HEADER);
  private static final HttpString RETRY_AFTER = new HttpString("Retry-After");

  private final HttpServerExchange exchange;
  private final Executor executor;
  private final HostClock clock;
  private final DisconnectWatch watch;
  /** The instance the request ran on, and when it began to run; read by the access log. */
  private volatile Instance ranOn;
  private volatile long runNanos;

  ExchangeRequest(HttpServerExchange exchange, boolean addressed, Executor executor, HostClock clock) {
    super(addressed, exchange.getAttachment(RequestAttachments.ARRIVAL_NANOS));
    this.exchange = exchange;
    this.executor = executor;
    this.clock = clock;
    this.watch = new DisconnectWatch(exchange, this);
    exchange.putAttachment(RequestAttachments.PENDING_REQUEST, this);
  }

  /** Returns the instance the request ran on, or null if it never ran. */
  Instance ranOn() {
    return ranOn;
  }

  /** Returns when the request began to run on its instance; meaningful once {@link #ranOn()} is set. */
  long runNanos() {
    return runNanos;
  }

  /** Watches the client while the request waits in a queue (R-REQ-2); does nothing if it does not wait. */
  void watchWhileWaiting() {
    if (owner() != null && waiting()) {
      watch.start();
    }
  }

  @Override
  protected void onAdmitted() {
    watch.endThen(() -> run((Instance) owner(), true));
  }

  @Override
  protected void onRejected(Rejection rejection) {
    watch.endThen(() -> respond(exchange, rejection));
  }

  static void respond(HttpServerExchange exchange, Rejection rejection) {
    Connectors.executeRootHandler(ex -> {
      ex.setStatusCode(rejection.status());
      ex.getResponseHeaders().put(REJECTED, rejection.reason());
      if (rejection.status() == 503) {
        ex.getResponseHeaders().put(RETRY_AFTER, "1");
      }
    }, exchange);
  }

  /**
   * Runs the request on a request thread of the instance. It leaves the instance (its slot given back, its
   * in-flight count lowered) once both its exchange has completed and its handler has returned, so that a
   * runaway handler answered 500 at its hard deadline keeps its slot until its thread ends (R-REQ-5).
   *
   * @param instance the instance
   * @param admitted whether it holds an admission slot: false for the start request, which has no deadline
   *     (R-LIFE-1)
   */
  void run(Instance instance, boolean admitted) {
    long arrival = exchange.getAttachment(RequestAttachments.ARRIVAL_NANOS);
    long now = clock.nanoTime();
    runNanos = now;
    ranOn = instance;
    instance.counters().requests().waited(now - arrival);
    // Two holds: the exchange's completion and the handler's return.
    AtomicInteger holds = new AtomicInteger(2);
    Runnable release = () -> {
      if (holds.decrementAndGet() == 0) {
        instance.requestExited(exchange, admitted, clock.nanoTime() - arrival);
      }
    };
    Runnable exitNow = () -> {
      if (holds.getAndSet(0) > 0) {
        instance.requestExited(exchange, admitted, clock.nanoTime() - arrival);
      }
    };
    long interruptsAtEntry = instance.requestEntered(exchange);
    // Undertow hands the connection to its next request at the end of the listener chain; the slot and the
    // deadline are given back after that, which keeps the hand-over short (R-PERF-1).
    exchange.addExchangeCompleteListener((ex, nextListener) -> {
      try {
        nextListener.proceed();
        RequestBreakdown.handedOver(ex);
      } finally {
        release.run();
      }
    });
    RequestBreakdown.stamp(exchange, RequestBreakdown.Point.DECIDED);
    try {
      executor.execute(() -> {
        RequestBreakdown.stamp(exchange, RequestBreakdown.Point.RUNNING);
        if (!exchange.getConnection().isOpen()) {
          exitNow.run();
          return;
        }
        boolean task = RequestAttachments.flag(exchange, RequestAttachments.TASK);
        String requestId = exchange.getAttachment(RequestAttachments.REQUEST_ID);
        ThreadContext context = admitted
            ? instance.requestContext(requestId, task)
            : instance.startRequestContext(requestId);
        RequestGuard guard = instance.guard(exchange, context, task);
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
          RequestBreakdown.stamp(ex, RequestBreakdown.Point.COMPLETED);
          try {
            nextListener.proceed();
          } finally {
            guard.completed();
          }
        });
        guard.enter();
        try {
          instance.runRequest(context, interruptsAtEntry,
              () -> Connectors.executeRootHandler(instance.deploymentHandler(), exchange));
        } finally {
          guard.exit();
          release.run();
        }
      });
    } catch (RejectedExecutionException e) {
      exitNow.run();
      IoUtils.safeClose(exchange.getConnection());
    }
  }

  @Override
  public String toString() {
    return "request " + exchange.getAttachment(RequestAttachments.REQUEST_ID) + " " + exchange.getRequestPath();
  }
}
