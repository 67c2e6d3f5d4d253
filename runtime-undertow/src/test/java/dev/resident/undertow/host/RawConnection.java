package dev.resident.undertow.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain-socket connection for bad input: writes what the test gives (a write the server cuts short is
 * noted, not thrown), and reads what the server answers until it closes the connection, resets it, or a
 * bound passes.
 */
final class RawConnection implements AutoCloseable {

  /** How the server ended the connection, as the client saw it. */
  enum End { CLOSED, RESET, STILL_OPEN }

  /**
   * What the client got.
   *
   * @param text every byte read, as ISO-8859-1
   * @param end how the connection ended
   * @param millis how long after {@link #awaitEnd} began it ended
   */
  record Outcome(String text, End end, long millis) {

    /** The status of the first response, or 0 when none came. */
    int status() {
      return text.startsWith("HTTP/1.") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
    }

    boolean closedByServer() {
      return end != End.STILL_OPEN;
    }
  }

  private final Socket socket = new Socket();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private volatile IOException writeFailure;

  RawConnection(int port) {
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes text as ISO-8859-1; a failure (the server closed or reset) is kept for {@link #writeFailed}. */
  RawConnection write(String text) {
    return write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawConnection write(byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      writeFailure = e;
    }
    return this;
  }

  boolean writeFailed() {
    return writeFailure != null;
  }

  /** Reads one response to a request with no body on a keep-alive connection: head and Content-Length body. */
  String readResponse(Duration bound) {
    try {
      socket.setSoTimeout((int) bound.toMillis());
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("closed after " + head);
        }
        head.append((char) c);
      }
      String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
      int at = lower.indexOf("content-length:");
      int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
      return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the server closes or resets the connection, or until the bound passes. */
  Outcome awaitEnd(Duration bound) {
    long start = System.nanoTime();
    long deadline = start + bound.toNanos();
    End end;
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          end = End.STILL_OPEN;
          break;
        }
        socket.setSoTimeout((int) left);
        int n = in.read(buffer);
        if (n < 0) {
          end = End.CLOSED;
          break;
        }
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      end = End.STILL_OPEN;
    } catch (SocketException e) {
      end = End.RESET;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcome(received.toString(StandardCharsets.ISO_8859_1), end, (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
