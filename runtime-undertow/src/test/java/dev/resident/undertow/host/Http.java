package dev.resident.undertow.host;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for tests: every call has a timeout, so no test waits forever. */
final class Http {

  static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private Http() {}

  static HttpResponse<String> get(int port, String path, String... headers) {
    try {
      return CLIENT.send(request(port, path, headers), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET :" + port + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static HttpResponse<String> get(String hostname, String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostname + path)).timeout(TIMEOUT).build();
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + hostname + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A GET signed as an internal request of the host (R-SEC-3). */
  static HttpResponse<String> getSigned(dev.resident.undertow.ResidentHost host, int port, String path, String... headers) {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = dev.resident.api.InternalRequests.HEADER_NAME;
    all[headers.length + 1] = host.signInternalRequest("GET", uri);
    return get(port, path, all);
  }

  static CompletableFuture<HttpResponse<String>> getAsync(int port, String path, String... headers) {
    return CLIENT.sendAsync(request(port, path, headers), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(int port, String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder.build();
  }
}
