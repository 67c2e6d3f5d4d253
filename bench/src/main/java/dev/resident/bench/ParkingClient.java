package dev.resident.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A load generator for waiting requests: one {@code GET ... Connection: close} per connection, all driven by
 * one selector on the caller's thread, so that ten thousand requests cost the client no thread. For each
 * request it notes when its last byte was written and when the first byte of its answer arrived.
 */
final class ParkingClient implements AutoCloseable {

  /** How much of each answer is kept: the status line and the headers that matter here. */
  private static final int KEPT = 512;

  private final Selector selector;
  private final List<Call> calls = new ArrayList<>();
  private final ByteBuffer in = ByteBuffer.allocateDirect(4096);
  private int unsent;
  private int unanswered;

  /** One request and what came of it. */
  static final class Call {
    private final SocketChannel channel;
    private final ByteBuffer request;
    private final StringBuilder head = new StringBuilder();
    private long sentNanos;
    private long answeredNanos;
    private String failure;

    private Call(SocketChannel channel, String path) {
      this.channel = channel;
      this.request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
    }

    /** When the request's last byte was written, in {@link System#nanoTime()} terms; 0 if never. */
    long sentNanos() {
      return sentNanos;
    }

    /** When the answer's first byte arrived; 0 if none did. */
    long answeredNanos() {
      return answeredNanos;
    }

    /** {@code 503 pending-timeout}, {@code 200}, or what went wrong. */
    String outcome() {
      if (failure != null) {
        return "failed: " + failure;
      }
      String text = head.toString();
      if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
        return "no answer";
      }
      String status = text.substring(9, 12);
      int reason = text.indexOf("X-Resident-Rejected: ");
      if (reason < 0) {
        return status;
      }
      int end = text.indexOf('\r', reason);
      return status + " " + text.substring(reason + 21, end < 0 ? text.length() : end);
    }
  }

  private final InetSocketAddress address;

  private ParkingClient(int port) throws IOException {
    selector = Selector.open();
    address = new InetSocketAddress("127.0.0.1", port);
  }

  /** A client of a loopback port, with no connection yet. */
  static ParkingClient to(int port) {
    try {
      return new ParkingClient(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens {@code count} more connections and writes a request on each, the path of request i (counted over
   * this client's life) given by {@code path}; returns when every request is written.
   *
   * @throws IllegalStateException if some are not written within the bound
   */
  ParkingClient send(int count, IntFunction<String> path, long boundMillis) {
    try {
      for (int i = 0; i < count; i++) {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Call call = new Call(channel, path.apply(calls.size()));
        calls.add(call);
        unsent++;
        unanswered++;
        int interest = channel.connect(address) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT;
        channel.register(selector, interest, call);
        pump(0);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + boundMillis * 1_000_000;
    while (unsent > 0 && System.nanoTime() < deadline) {
      pump(10);
    }
    if (unsent > 0) {
      close();
      throw new IllegalStateException(unsent + " requests not written within " + boundMillis + " ms");
    }
    return this;
  }

  /**
   * Waits up to {@code maxMillis} (0: not at all) for connections to be ready, and serves those that are.
   */
  void pump(long maxMillis) {
    try {
      if (maxMillis == 0) {
        selector.selectNow();
      } else {
        selector.select(maxMillis);
      }
      for (SelectionKey key : selector.selectedKeys()) {
        serve(key, (Call) key.attachment());
      }
      selector.selectedKeys().clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(SelectionKey key, Call call) {
    try {
      if (key.isConnectable() && call.channel.finishConnect()) {
        key.interestOps(SelectionKey.OP_WRITE);
      }
      if (key.isValid() && key.isWritable()) {
        call.channel.write(call.request);
        if (!call.request.hasRemaining()) {
          call.sentNanos = System.nanoTime();
          unsent--;
          key.interestOps(SelectionKey.OP_READ);
        }
      }
      if (key.isValid() && key.isReadable()) {
        in.clear();
        int read = call.channel.read(in);
        long now = System.nanoTime();
        if (read > 0 && call.answeredNanos == 0) {
          call.answeredNanos = now;
        }
        in.flip();
        while (in.hasRemaining() && call.head.length() < KEPT) {
          call.head.append((char) (in.get() & 0xff));
        }
        if (read < 0) {
          finish(key, call, null);
        }
      }
    } catch (IOException e) {
      finish(key, call, e.toString());
    }
  }

  private void finish(SelectionKey key, Call call, String failure) {
    if (failure != null && call.request.hasRemaining()) {
      unsent--;
    }
    call.failure = failure;
    key.cancel();
    try {
      call.channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    unanswered--;
  }

  /** Requests whose connection the server has not closed yet. */
  int unanswered() {
    return unanswered;
  }

  List<Call> calls() {
    return calls;
  }

  @Override
  public void close() {
    for (Call call : calls) {
      try {
        call.channel.close();
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
