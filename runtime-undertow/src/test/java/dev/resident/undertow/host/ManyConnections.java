package dev.resident.undertow.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Many HTTP/1.1 requests, each on its own connection, driven by one selector on the calling thread: the
 * client adds no thread, whatever the number of requests. Requests ask for {@code Connection: close}, so a
 * response is complete when the server closes its connection.
 */
final class ManyConnections implements AutoCloseable {

  private final Selector selector;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
  private int unsent;
  private int open;

  private static final class Exchange {
    final SocketChannel channel;
    final ByteBuffer request;
    final ByteArrayOutputStream response = new ByteArrayOutputStream();
    String failure;

    Exchange(SocketChannel channel, ByteBuffer request) {
      this.channel = channel;
      this.request = request;
    }
  }

  private ManyConnections() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens {@code count} connections and sends a {@code GET} of {@code path.apply(i)} on connection i; returns
   * once every request is written.
   */
  static ManyConnections get(int port, int count, IntFunction<String> path, Duration bound) {
    ManyConnections connections = new ManyConnections();
    boolean sent = false;
    try {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
      for (int i = 0; i < count; i++) {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        String request = "GET " + path.apply(i) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        Exchange exchange = new Exchange(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        connections.exchanges.add(exchange);
        connections.unsent++;
        connections.open++;
        boolean connected = channel.connect(address);
        channel.register(connections.selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, exchange);
        connections.pump(Duration.ZERO);
      }
      connections.pumpUntil(bound, () -> connections.unsent == 0, "every request is sent");
      sent = true;
      return connections;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!sent) {
        connections.close();
      }
    }
  }

  /**
   * Reads until the server has closed every connection.
   *
   * @return the bytes received on each connection, in the order the connections were opened
   */
  List<String> awaitResponses(Duration bound) {
    pumpUntil(bound, () -> open == 0, "every connection is answered and closed");
    List<String> responses = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      responses.add(exchange.failure != null ? "failed: " + exchange.failure
          : exchange.response.toString(StandardCharsets.ISO_8859_1));
    }
    return responses;
  }

  private void pumpUntil(Duration bound, BooleanSupplier done, String what) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("Timed out after " + bound + " waiting until " + what + " (" + unsent
            + " unsent, " + open + " open)");
      }
      pump(Duration.ofNanos(Math.min(left, 50_000_000)));
    }
  }

  private void pump(Duration wait) {
    try {
      if (wait.isZero()) {
        selector.selectNow();
      } else {
        selector.select(Math.max(1, wait.toMillis()));
      }
      for (SelectionKey key : selector.selectedKeys()) {
        Exchange exchange = (Exchange) key.attachment();
        try {
          if (key.isConnectable() && exchange.channel.finishConnect()) {
            key.interestOps(SelectionKey.OP_WRITE);
          }
          if (key.isValid() && key.isWritable()) {
            exchange.channel.write(exchange.request);
            if (!exchange.request.hasRemaining()) {
              unsent--;
              key.interestOps(SelectionKey.OP_READ);
            }
          }
          if (key.isValid() && key.isReadable()) {
            readBuffer.clear();
            int read = exchange.channel.read(readBuffer);
            if (read < 0) {
              end(key, exchange, null);
            } else {
              exchange.response.write(readBuffer.array(), 0, read);
            }
          }
        } catch (IOException e) {
          end(key, exchange, e.toString());
        }
      }
      selector.selectedKeys().clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void end(SelectionKey key, Exchange exchange, String failure) throws IOException {
    if (failure != null && exchange.request.hasRemaining()) {
      unsent--;
    }
    exchange.failure = failure;
    key.cancel();
    exchange.channel.close();
    open--;
  }

  /**
   * Closes the chosen connections, as clients that go away without waiting for their response.
   *
   * @param which the indexes of the connections to close
   */
  void abandon(IntPredicate which) {
    for (int i = 0; i < exchanges.size(); i++) {
      Exchange exchange = exchanges.get(i);
      SelectionKey key = exchange.channel.keyFor(selector);
      if (which.test(i) && key != null && key.isValid()) {
        try {
          end(key, exchange, "abandoned");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Closes every connection still open. */
  @Override
  public void close() {
    for (Exchange exchange : exchanges) {
      try {
        exchange.channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
