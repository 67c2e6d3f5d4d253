package dev.resident.undertow.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one request as written, Host header and path included, and reads the response head and body. */
final class Raw {

  private Raw() {}

  static String exchange(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        read.write(buffer, 0, n);
      }
      return read.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new AssertionError("request to :" + port + " failed", e);
    }
  }

  /** A GET with a Host header, on a connection closed after the response. */
  static String get(int port, String host, String path, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return exchange(port, request.append("\r\n").toString());
  }

  static String header(String response, String name) {
    for (String line : response.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
