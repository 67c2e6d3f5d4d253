package dev.resident.undertow.security;

import dev.resident.api.InternalRequests;
import dev.resident.undertow.ResidentHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** An HTTP client for the security tests; every call has a timeout. Follows no redirect. */
final class Client {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private final HttpClient http;

  Client() {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
  }

  Client(SSLContext tls) {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
        .connectTimeout(Duration.ofSeconds(5)).build());
  }

  private Client(HttpClient http) {
    this.http = http;
  }

  HttpResponse<String> get(int port, String path, String... headers) {
    return send("GET", URI.create("http://127.0.0.1:" + port + path), headers);
  }

  HttpResponse<String> send(String method, URI uri, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .method(method, method.equals("POST") || method.equals("PUT")
            ? HttpRequest.BodyPublishers.ofString("body") : HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      builder.headers(headers);
    }
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A request signed by the host, as {@link InternalRequests} signs it. */
  HttpResponse<String> signed(ResidentHost host, String method, int port, String path, String... headers) {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = InternalRequests.HEADER_NAME;
    all[headers.length + 1] = host.signInternalRequest(method, uri);
    return send(method, uri, all);
  }
}
