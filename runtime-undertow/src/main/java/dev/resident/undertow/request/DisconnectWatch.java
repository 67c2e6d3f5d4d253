package dev.resident.undertow.request;

import dev.resident.undertow.admission.PendingRequest;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Notices a client that goes away while its request waits in a pending queue, and cancels the request at
 * once (R-REQ-2).
 *
 * <p>Undertow reads nothing from a connection while its exchange runs, so while the request waits this
 * watch is the read listener of the connection's source channel, with reads resumed. What it reads decides:
 * end of stream or a read error means the client is gone (a client that only shuts down its output counts
 * as gone too): the request is cancelled and the connection closed. Bytes mean the client has sent its next
 * request already: they are given back to the connection, which parses them after this exchange, and the
 * watch stops. Before the request is admitted or rejected the watch puts Undertow's listener back and
 * suspends reads again, as Undertow left them.
 *
 * <p>A request whose body is not read yet, or whose connection holds bytes read beyond it, is not watched:
 * reading would take those bytes from the servlet or from the next request. A client of such a request that
 * goes away is noticed only when the request is admitted or times out.
 *
 * <p>The channel is touched on the connection's I/O thread only. Nothing is added to the connection that
 * outlives the request: the read listener is swapped and restored, never added.
 */
final class DisconnectWatch implements ChannelListener<ConduitStreamSourceChannel> {

  private static final int IDLE = 0;
  private static final int WATCHING = 1;
  private static final int ENDED = 2;

  private final HttpServerExchange exchange;
  private final PendingRequest request;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  /** Undertow's read listener while this watch stands in for it; I/O thread only. */
  private ChannelListener<? super ConduitStreamSourceChannel> undertowListener;
  /** Whether this watch is the channel's read listener; I/O thread only. */
  private boolean listening;

  /**
   * @param exchange the waiting request's exchange
   * @param request the waiting request, cancelled when its client goes away
   */
  DisconnectWatch(HttpServerExchange exchange, PendingRequest request) {
    this.exchange = exchange;
    this.request = request;
  }

  /** Starts watching, unless the request has a body still to read or has already been admitted or rejected. */
  void start() {
    if (!(exchange.getConnection() instanceof HttpServerConnection) || !exchange.isRequestComplete()) {
      return;
    }
    if (state.compareAndSet(IDLE, WATCHING)) {
      onIoThread(this::listen);
    }
  }

  /**
   * Stops watching, then runs what comes next for the request: at once if the watch never started, else on
   * the I/O thread once the channel is as Undertow left it.
   *
   * @param next the admission or the rejection of the request
   */
  void endThen(Runnable next) {
    if (state.getAndSet(ENDED) == WATCHING) {
      onIoThread(() -> {
        unlisten();
        next.run();
      });
    } else {
      next.run();
    }
  }

  private void listen() {
    if (state.get() != WATCHING) {
      return;
    }
    HttpServerConnection connection = connection();
    if (!connection.isOpen()) {
      gone();
      return;
    }
    if (connection.getExtraBytes() != null) {
      state.compareAndSet(WATCHING, ENDED);
      return;
    }
    ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
    undertowListener = source.getReadListener();
    source.setReadListener(this);
    listening = true;
    source.resumeReads();
  }

  private void unlisten() {
    if (!listening) {
      return;
    }
    listening = false;
    ConduitStreamSourceChannel source = connection().getChannel().getSourceChannel();
    source.suspendReads();
    source.setReadListener(undertowListener);
    undertowListener = null;
  }

  @Override
  public void handleEvent(ConduitStreamSourceChannel source) {
    HttpServerConnection connection = connection();
    PooledByteBuffer pooled;
    try {
      pooled = connection.getByteBufferPool().allocate();
    } catch (IllegalStateException poolClosed) {
      gone();
      return;
    }
    boolean givenBack = false;
    try {
      int read = source.read(pooled.getBuffer());
      if (read < 0) {
        gone();
      } else if (read > 0) {
        pooled.getBuffer().flip();
        connection.ungetRequestBytes(pooled);
        givenBack = true;
        state.compareAndSet(WATCHING, ENDED);
        unlisten();
      }
    } catch (IOException e) {
      gone();
    } finally {
      if (!givenBack) {
        pooled.close();
      }
    }
  }

  /** The client went away: out of the queue, and the connection closed. */
  private void gone() {
    state.compareAndSet(WATCHING, ENDED);
    request.cancel();
    unlisten();
    IoUtils.safeClose(exchange.getConnection());
  }

  private void onIoThread(Runnable task) {
    XnioIoThread ioThread = exchange.getIoThread();
    if (Thread.currentThread() == ioThread) {
      task.run();
      return;
    }
    try {
      ioThread.execute(task);
    } catch (RejectedExecutionException workerStopping) {
      task.run();
    }
  }

  private HttpServerConnection connection() {
    return (HttpServerConnection) exchange.getConnection();
  }

  @Override
  public String toString() {
    return "disconnect-watch(" + request + ")";
  }
}
