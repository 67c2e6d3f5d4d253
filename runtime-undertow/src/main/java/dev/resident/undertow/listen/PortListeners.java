package dev.resident.undertow.listen;

import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import javax.net.ssl.SSLContext;
import org.xnio.channels.AcceptingChannel;
import org.xnio.ssl.SslConnection;

/** Opens HTTP listeners on one shared XNIO worker; they can be opened and closed at any time. */
public final class PortListeners implements AutoCloseable {

  private final String address;
  private final XnioWorker worker;
  private final ByteBufferPool buffers;
  private final OptionMap serverOptions;

  /**
   * Starts the worker (R-SEC-4).
   *
   * <p>The request-parse timeout is Undertow's {@code REQUEST_PARSE_TIMEOUT}: it runs from the first read
   * that leaves a request line or header block unfinished, and is not restarted by more bytes, so a
   * client that trickles its headers is cut off too. The idle timeout is Undertow's
   * {@code NO_REQUEST_TIMEOUT}: it runs while a connection has no request (from accept, and after each
   * response), and stops while a request is parsed, waits or runs. Undertow's {@code IDLE_TIMEOUT} is
   * not used: it would also close a connection whose request runs longer than it without I/O, as a
   * request does while its response is held until the handler returns.
   *
   * @param address the address every listener binds to
   * @param ioThreads XNIO I/O threads
   * @param maxHeaderBytes the largest request header block Undertow parses
   * @param requestParseTimeout how long a client may take to send its request line and headers
   * @param idleTimeout how long a connection may stay open without a request
   */
  public PortListeners(String address, int ioThreads, int maxHeaderBytes, Duration requestParseTimeout,
      Duration idleTimeout) {
    this.address = address;
    try {
      this.worker = Xnio.getInstance(PortListeners.class.getClassLoader()).createWorker(OptionMap.builder()
          .set(Options.WORKER_NAME, "resident")
          .set(Options.WORKER_IO_THREADS, ioThreads)
          .set(Options.WORKER_TASK_CORE_THREADS, 2)
          .set(Options.WORKER_TASK_MAX_THREADS, 8)
          .set(Options.TCP_NODELAY, true)
          .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
          .set(Options.CONNECTION_LOW_WATER, 1_000_000)
          .getMap());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the XNIO worker", e);
    }
    this.buffers = new DefaultByteBufferPool(true, 16 * 1024, -1, 4);
    this.serverOptions = OptionMap.builder()
        .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(requestParseTimeout))
        .set(UndertowOptions.NO_REQUEST_TIMEOUT, millis(idleTimeout))
        .set(UndertowOptions.MAX_HEADER_SIZE, maxHeaderBytes)
        .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
        .getMap();
  }

  /**
   * The I/O threads for this JVM: one per core it may run on. Not Undertow's default of at least two: on
   * one core, two event loops take turns by whole scheduler time slices, and the connections of the loop
   * that waits get nothing for a slice (issue 15: a p99 of 2.5-3.6x bare Undertow's, one loop 0.9x).
   *
   * @return at least one
   */
  public static int defaultIoThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Whole milliseconds, rounded up, as Undertow's options take them; at least one. */
  private static int millis(Duration timeout) {
    long nanos = timeout.toNanos();
    long millis = nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  /**
   * Opens a listener.
   *
   * @param port the port, 0 for an ephemeral one
   * @param handler the root handler of its requests
   * @return the open listener
   * @throws UncheckedIOException if the port cannot be bound
   */
  public Listener open(int port, HttpHandler handler) {
    OptionMap socketOptions = socketOptions()
        .set(Options.BALANCING_TOKENS, 1)
        .set(Options.BALANCING_CONNECTIONS, 2)
        .getMap();
    try {
      AcceptingChannel<? extends StreamConnection> server = worker.createStreamConnectionServer(
          new InetSocketAddress(address, port), accept(handler), socketOptions);
      return started(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen on " + address + ":" + port, e);
    }
  }

  /** Undertow's HTTP/1.1 parser with this host's options, in front of a port's handler chain. */
  private ChannelListener<AcceptingChannel<StreamConnection>> accept(HttpHandler handler) {
    HttpOpenListener openListener = new HttpOpenListener(buffers, serverOptions);
    openListener.setRootHandler(handler);
    return ChannelListeners.openListenerAdapter(openListener);
  }

  private OptionMap.Builder socketOptions() {
    return OptionMap.builder()
        .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
        .set(Options.TCP_NODELAY, true)
        .set(Options.REUSE_ADDRESSES, true)
        .set(Options.BACKLOG, 1000);
  }

  private static Listener started(AcceptingChannel<? extends StreamConnection> server) throws IOException {
    server.resumeAccepts();
    return new Listener(server, ((InetSocketAddress) server.getLocalAddress()).getPort());
  }

  /**
   * Opens an HTTPS listener (R-SEC-2): TLS on the same worker, the same HTTP options.
   *
   * @param port the port, 0 for an ephemeral one
   * @param handler the root handler of its requests
   * @param tls the server's TLS context
   * @return the open listener
   * @throws UncheckedIOException if the port cannot be bound
   */
  public Listener openTls(int port, HttpHandler handler, SSLContext tls) {
    ChannelListener<AcceptingChannel<StreamConnection>> accept = accept(handler);
    OptionMap socketOptions = socketOptions().set(Options.SSL_ENABLED, true).getMap();
    UndertowXnioSsl ssl = new UndertowXnioSsl(worker.getXnio(), OptionMap.EMPTY, tls);
    try {
      @SuppressWarnings({"unchecked", "rawtypes"})
      AcceptingChannel<SslConnection> server = ssl.createSslConnectionServer(
          worker, new InetSocketAddress(address, port), (ChannelListener) accept, socketOptions);
      return started(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen with TLS on " + address + ":" + port, e);
    }
  }

  /**
   * Returns the worker every listener runs on.
   *
   * @return the XNIO worker
   */
  public XnioWorker worker() {
    return worker;
  }

  /**
   * Returns the buffer pool every listener uses.
   *
   * @return the buffer pool
   */
  public ByteBufferPool buffers() {
    return buffers;
  }

  /**
   * Returns the address listeners bind to.
   *
   * @return the bind address
   */
  public String address() {
    return address;
  }

  /** Stops the worker; open connections are closed. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** One open port. */
  public static final class Listener implements AutoCloseable {
    private final AcceptingChannel<? extends StreamConnection> server;
    private final int port;

    private Listener(AcceptingChannel<? extends StreamConnection> server, int port) {
      this.server = server;
      this.port = port;
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
      return port;
    }


    /** Stops accepting connections on the port. */
    @Override
    public void close() {
      IoUtils.safeClose(server);
    }

    @Override
    public String toString() {
      return "listener(:" + port + ")";
    }
  }
}
