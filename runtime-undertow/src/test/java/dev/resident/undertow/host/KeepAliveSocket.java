package dev.resident.undertow.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection over a plain socket that the test writes and closes when it likes: requests one
 * after the other or pipelined, and a client that goes away. Reads time out after 20 s.
 */
final class KeepAliveSocket implements AutoCloseable {

  record Response(int status, String body) {}

  private final Socket socket = new Socket();
  private final InputStream in;

  KeepAliveSocket(int port) {
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(20_000);
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void get(String path) {
    write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
  }

  void post(String path, String body) {
    write("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
  }

  void write(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response: status line, headers, and a body of {@code Content-Length} bytes or chunks. */
  Response read() {
    try {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = 0;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else {
        body.write(in.readNBytes(length));
      }
      return new Response(status, body.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("The server closed the connection; read so far: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
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
