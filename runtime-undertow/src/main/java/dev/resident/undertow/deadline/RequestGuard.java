package dev.resident.undertow.deadline;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Guards one request (R-REQ-5, R-REQ-6). Its response is held until the handler returns. At the soft
 * deadline the handler thread is interrupted, if it still runs this request, and the Resident API throws
 * {@code DeadlineExceededException} on it; the handler may still answer within the grace. At the hard
 * deadline the client gets a 500 (or, had anything been sent, a closed connection) whatever the thread
 * does, its later output is discarded, and the thread counts as runaway until it returns.
 */
public final class RequestGuard {

  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
  private static final AttachmentKey<RequestGuard> KEY = AttachmentKey.create(RequestGuard.class);

  private final HttpServerExchange exchange;
  private final Map<String, String> errorHeaders;
  private final DeadlineTimer.Lane graceLane;
  private final DeadlineListener listener;
  private final long maxResponseBytes;
  private BufferedResponseConduit conduit;
  private Thread thread;
  private DeadlineTimer.Entry pending;
  private boolean aborted;
  private boolean runaway;

  private RequestGuard(HttpServerExchange exchange, Map<String, String> errorHeaders,
      DeadlineTimer.Lane graceLane, DeadlineListener listener, long maxResponseBytes) {
    this.exchange = exchange;
    this.errorHeaders = errorHeaders;
    this.graceLane = graceLane;
    this.listener = listener;
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * Guards a request that is about to run: buffers its response and arms its deadline.
   *
   * @param exchange the request
   * @param errorHeaders headers the 500 that replaces an unfinished response carries, such as its request id
   * @param deadlineLane the lane of the host's deadline timer for the soft deadline, null for none
   * @param deadlineNanos the soft deadline in host clock nanoseconds, {@link Long#MAX_VALUE} for none
   * @param graceLane the lane whose delay is how long after the soft deadline the hard one falls
   * @param listener hears deadlines and runaway threads
   * @param maxResponseBytes the largest response body; a larger one becomes a 500 with an empty body
   * @return the guard
   */
  public static RequestGuard install(HttpServerExchange exchange, Map<String, String> errorHeaders,
      DeadlineTimer.Lane deadlineLane, long deadlineNanos, DeadlineTimer.Lane graceLane,
      DeadlineListener listener, long maxResponseBytes) {
    RequestGuard guard = new RequestGuard(exchange, Map.copyOf(errorHeaders), graceLane, listener,
        maxResponseBytes);
    exchange.putAttachment(KEY, guard);
    exchange.addResponseWrapper((factory, ex) -> guard.wrap(factory.create()));
    if (deadlineLane != null && deadlineNanos != Long.MAX_VALUE) {
      synchronized (guard) {
        guard.pending = deadlineLane.at(deadlineNanos, guard::softDeadline);
      }
    }
    return guard;
  }

  private synchronized org.xnio.conduits.StreamSinkConduit wrap(org.xnio.conduits.StreamSinkConduit next) {
    conduit = new BufferedResponseConduit(next, exchange, errorHeaders, maxResponseBytes, this::overflowed);
    if (aborted) {
      // abort() has answered the client already: one 500 only (R-REQ-5).
      conduit.discardAll();
    }
    return conduit;
  }

  /**
   * Returns the guard of a request.
   *
   * @param exchange the request
   * @return its guard, or null before its handler was dispatched
   */
  public static RequestGuard of(HttpServerExchange exchange) {
    return exchange.getAttachment(KEY);
  }

  /** Notes that the current thread runs the request's handler. */
  public synchronized void enter() {
    thread = Thread.currentThread();
  }

  /**
   * Notes that the handler returned; its thread will not be interrupted for this request again. A response
   * that was replaced by a 500 closes its connection now.
   */
  public void exit() {
    boolean wasRunaway;
    boolean replaced;
    synchronized (this) {
      thread = null;
      wasRunaway = runaway;
      runaway = false;
      replaced = aborted || (conduit != null && conduit.aborted());
    }
    if (replaced) {
      IoUtils.safeClose(exchange.getConnection());
    }
    if (wasRunaway) {
      listener.runawayEnded();
    }
  }

  /** Disarms the deadline: the request has completed. */
  public void completed() {
    DeadlineTimer.Entry entry;
    synchronized (this) {
      entry = pending;
      pending = null;
    }
    if (entry != null) {
      entry.cancel();
    }
  }

  private void softDeadline() {
    synchronized (this) {
      if (exchange.isComplete() || pending == null) {
        return;
      }
      if (thread != null) {
        thread.interrupt();
      }
      pending = graceLane.start(() -> abort("its hard deadline"));
    }
    // Counted only for a request that was still running (R-API-5).
    listener.deadlineExceeded();
  }

  /**
   * Answers the request now with a 500 (or, if any of its response was sent, closes the connection),
   * whatever its handler does; the handler's later output is discarded and its thread, if it still runs,
   * counts as runaway until it returns. Used at the hard deadline and at the end of a shutdown grace.
   *
   * @param why what ended the request, for the log
   */
  public void abort(String why) {
    boolean startedRunaway = false;
    BufferedResponseConduit target;
    synchronized (this) {
      pending = null;
      if (exchange.isComplete() || aborted) {
        return;
      }
      aborted = true;
      target = conduit;
      if (thread != null) {
        runaway = true;
        startedRunaway = true;
      }
    }
    LOG.warn("Request {} reached {}; the client gets a 500", exchange.getRequestPath(), why);
    if (target != null) {
      target.abort(true);
    } else {
      BufferedResponseConduit.sendRaw500(exchange, errorHeaders);
      IoUtils.safeClose(exchange.getConnection());
    }
    if (startedRunaway) {
      listener.runawayStarted();
    }
  }

  private void overflowed() {
    LOG.warn("The response to {} passed {} bytes; the client gets a 500 with an empty body",
        exchange.getRequestPath(), maxResponseBytes);
  }

  @Override
  public synchronized String toString() {
    return "request-guard(" + exchange.getRequestPath() + (aborted ? ", aborted" : "") + ")";
  }
}
