package dev.resident.undertow.deadline;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.ConduitWritableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

/**
 * Holds a response body until its handler finishes, then sends it; App Engine never streamed responses,
 * so this is faithful. Until the body is released, the response can be {@linkplain #abort replaced} by a
 * 500 with an empty body: at the hard deadline, or when the body grows past the response limit (R-REQ-5,
 * R-REQ-6). Once aborted, everything the handler writes is discarded.
 *
 * <p>A request thread that releases the body first resumes reading the connection, then sends. Undertow
 * would resume reading only once the exchange ends, while it holds the connection's hand-over state; the
 * I/O thread that this wakes, finding the client's next request already there, spins on that state until
 * the request thread runs again, which on a busy core is a whole time slice. Resumed ahead, the next
 * request is read when it comes, as Undertow allows while a request runs (it suspends reads lazily).
 */
final class BufferedResponseConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {


  private enum State { BUFFERING, RELEASING, RELEASED, DISCARDING }

  private final HttpServerExchange exchange;
  private final Map<String, String> errorHeaders;
  private final long limit;
  private final Runnable onOverflow;
  private State state = State.BUFFERING;
  private ByteBuffer body = ByteBuffer.allocate(0);
  private boolean terminated;
  private boolean readsResumedAhead;

  BufferedResponseConduit(StreamSinkConduit next, HttpServerExchange exchange, Map<String, String> errorHeaders,
      long limit, Runnable onOverflow) {
    super(next);
    this.exchange = exchange;
    this.errorHeaders = errorHeaders;
    this.limit = limit;
    this.onOverflow = onOverflow;
  }

  /**
   * Replaces the response with a 500 if nothing of it was sent yet; from then on the handler's output is
   * discarded. The connection is closed now, or by the caller once the handler returns.
   *
   * @param closeNow whether to close the connection at once
   * @return true when the client got a 500, false when only the connection's close tells it
   */
  boolean abort(boolean closeNow) {
    boolean clean;
    synchronized (this) {
      if (state == State.DISCARDING) {
        return false;
      }
      clean = state == State.BUFFERING;
      state = State.DISCARDING;
      body = ByteBuffer.allocate(0);
    }
    if (clean) {
      sendRaw500(exchange, errorHeaders);
    }
    if (closeNow || !clean) {
      IoUtils.safeClose(exchange.getConnection());
    }
    return clean;
  }

  /**
   * Discards everything the handler writes from now on, sending nothing: for a response that was already
   * replaced by a 500 before this conduit existed.
   */
  synchronized void discardAll() {
    state = State.DISCARDING;
    body = ByteBuffer.allocate(0);
  }

  /**
   * Writes a bare 500 with an empty body and the given headers straight to the connection, for a response
   * of which nothing was sent; the caller closes the connection after.
   */
  static void sendRaw500(HttpServerExchange exchange, Map<String, String> headers) {
    if (!(exchange.getConnection() instanceof AbstractServerConnection connection)) {
      return;
    }
    StreamSinkConduit raw = connection.getOriginalSinkConduit();
    StringBuilder text = new StringBuilder("HTTP/1.1 500 Internal Server Error\r\n");
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
    ByteBuffer response = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    try {
      for (int attempt = 0; attempt < 100 && response.hasRemaining(); attempt++) {
        if (raw.write(response) == 0) {
          raw.awaitWritable(10, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
      }
      raw.flush();
    } catch (IOException clientGone) {
      // The connection is closed right after; a client that left gets nothing.
    }
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int count = src.remaining();
    boolean overflow = false;
    synchronized (this) {
      if (state == State.DISCARDING) {
        src.position(src.limit());
        return count;
      }
      if (state == State.BUFFERING) {
        if ((long) body.position() + count <= limit) {
          hold(src);
          return count;
        }
        src.position(src.limit());
        overflow = true;
      }
    }
    if (!overflow) {
      return next.write(src);
    }
    abort(false);
    onOverflow.run();
    return count;
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      int remaining = srcs[i].remaining();
      int written = write(srcs[i]);
      total += written;
      if (written < remaining) {
        break;
      }
    }
    return total;
  }

  @Override
  public int writeFinal(ByteBuffer src) throws IOException {
    return Conduits.writeFinalBasic(this, src);
  }

  @Override
  public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
    return Conduits.writeFinalBasic(this, srcs, offset, length);
  }

  @Override
  public long transferFrom(FileChannel src, long position, long count) throws IOException {
    return src.transferTo(position, count, new ConduitWritableByteChannel(this));
  }

  @Override
  public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
    return IoUtils.transfer(source, count, throughBuffer, new ConduitWritableByteChannel(this));
  }

  @Override
  public void terminateWrites() throws IOException {
    synchronized (this) {
      if (terminated) {
        return;
      }
      terminated = true;
      if (state == State.BUFFERING) {
        state = State.RELEASING;
        body.flip();
      }
      if (state == State.DISCARDING) {
        return;
      }
    }
    drainAndTerminate();
  }

  @Override
  public boolean flush() throws IOException {
    synchronized (this) {
      if (state == State.BUFFERING || state == State.DISCARDING) {
        return true;
      }
    }
    if (!drainAndTerminate()) {
      return false;
    }
    return next.flush();
  }

  @Override
  public void truncateWrites() throws IOException {
    synchronized (this) {
      state = State.DISCARDING;
      body = ByteBuffer.allocate(0);
    }
    next.truncateWrites();
  }

  @Override
  public boolean isWriteShutdown() {
    synchronized (this) {
      if (terminated && state != State.RELEASED) {
        return true;
      }
    }
    return next.isWriteShutdown();
  }

  /** Sends what is held; true once all of it is handed on and the next conduit is terminated. */
  private boolean drainAndTerminate() throws IOException {
    synchronized (this) {
      if (state != State.RELEASING) {
        return true;
      }
      // Before the first byte goes out, while a client that waits for this response has sent nothing more.
      if (!readsResumedAhead && exchange.getIoThread() != Thread.currentThread()
          && exchange.getConnection() instanceof HttpServerConnection connection) {
        readsResumedAhead = true;
        connection.getOriginalSourceConduit().resumeReads();
      }
      while (body.hasRemaining()) {
        if (next.write(body) == 0) {
          return false;
        }
      }
      state = State.RELEASED;
      body = ByteBuffer.allocate(0);
    }
    next.terminateWrites();
    return true;
  }

  private void hold(ByteBuffer src) {
    if (body.remaining() < src.remaining()) {
      long needed = (long) body.position() + src.remaining();
      // The first write sizes the buffer exactly (a servlet's output stream usually hands over its whole
      // body at once); later writes double it.
      int capacity = (int) Math.min(limit, Math.max(needed, (long) body.capacity() * 2));
      ByteBuffer larger = ByteBuffer.allocate(capacity);
      body.flip();
      larger.put(body);
      body = larger;
    }
    body.put(src);
  }

  synchronized boolean aborted() {
    return state == State.DISCARDING;
  }

  @Override
  public String toString() {
    return "buffered-response(" + state + ", limit " + limit + " bytes)";
  }
}
