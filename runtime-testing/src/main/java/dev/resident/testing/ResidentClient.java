package dev.resident.testing;

import dev.resident.undertow.ResidentHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests to a test host: to its main port, or to the port of a module version or of one
 * instance. Every request has a timeout (20 s unless changed), so a test never waits forever.
 *
 * <pre>{@code
 * client.get("/hello");                                   // main port: dispatch, Host header, default
 * client.version("worker", "v1").get("/work");            // the version's own port
 * client.instance("worker", "v1", "0").get("/state");     // one instance
 * client.internal().get("/tasks/run", "X-AppEngine-TaskName", "t1");   // an internal (task) request
 * }</pre>
 */
public final class ResidentClient {

  private final ResidentHost host;
  private final HttpClient http;
  private final Duration timeout;
  private final boolean internal;

  ResidentClient(ResidentHost host) {
    this(host, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(20), false);
  }

  private ResidentClient(ResidentHost host, HttpClient http, Duration timeout, boolean internal) {
    this.host = host;
    this.http = http;
    this.timeout = timeout;
    this.internal = internal;
  }

  /**
   * Returns a client whose requests wait at most {@code timeout} for their response.
   *
   * @param timeout a positive duration
   * @return a new client; this one is unchanged
   */
  public ResidentClient withTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, found " + timeout);
    }
    return new ResidentClient(host, http, timeout, internal);
  }

  /**
   * Returns a client whose requests are internal: each is signed with the host's secret
   * ({@code X-Resident-Signature}, R-SEC-3), as requests from the application itself or its task queues
   * are, so {@code X-AppEngine-*} headers reach the handler and private modules and {@code login: admin}
   * handlers answer.
   *
   * @return a new client; this one is unchanged
   */
  public ResidentClient internal() {
    return new ResidentClient(host, http, timeout, true);
  }

  /**
   * Sends a GET to the main port.
   *
   * @param path the path and query, starting with {@code /}
   * @param headers header names and values, alternating
   * @return the response
   */
  public HttpResponse<String> get(String path, String... headers) {
    return port(host.port()).get(path, headers);
  }

  /**
   * Sends a GET to the main port without waiting for the response.
   *
   * @param path the path and query, starting with {@code /}
   * @param headers header names and values, alternating
   * @return the response, later
   */
  public CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
    return port(host.port()).getAsync(path, headers);
  }

  /**
   * Addresses a module's default version on its own port.
   *
   * @param module the module
   * @return the target
   */
  public Target module(String module) {
    return port(host.versionPort(module, null));
  }

  /**
   * Addresses a module version on its own port.
   *
   * @param module the module
   * @param version the version
   * @return the target
   */
  public Target version(String module, String version) {
    return port(host.versionPort(module, version));
  }

  /**
   * Addresses one manual or basic instance on its own port.
   *
   * @param module the module
   * @param version the version
   * @param instance the instance id, such as {@code "0"}
   * @return the target
   */
  public Target instance(String module, String version, String instance) {
    return port(host.instancePort(module, version, instance));
  }

  private Target port(int port) {
    String address = host.address().equals("0.0.0.0") ? "127.0.0.1" : host.address();
    String authority = address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    return new Target(URI.create("http://" + authority));
  }

  @Override
  public String toString() {
    return "resident-client(" + host + ")";
  }

  /** One port of the host. */
  public final class Target {
    private final URI base;

    private Target(URI base) {
      this.base = base;
    }

    /**
     * Sends a GET.
     *
     * @param path the path and query, starting with {@code /}
     * @param headers header names and values, alternating
     * @return the response
     */
    public HttpResponse<String> get(String path, String... headers) {
      return send(request("GET", path, headers).GET());
    }

    /**
     * Sends a GET without waiting for the response.
     *
     * @param path the path and query, starting with {@code /}
     * @param headers header names and values, alternating
     * @return the response, later
     */
    public CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
      return http.sendAsync(request("GET", path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a POST with a text body.
     *
     * @param path the path and query, starting with {@code /}
     * @param body the body, sent as UTF-8
     * @param headers header names and values, alternating
     * @return the response
     */
    public HttpResponse<String> post(String path, String body, String... headers) {
      return send(request("POST", path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Returns the URI of a path on this port.
     *
     * @param path the path and query, starting with {@code /}
     * @return the absolute URI
     */
    public URI uri(String path) {
      return base.resolve(Objects.requireNonNull(path, "path"));
    }

    private HttpRequest.Builder request(String method, String path, String... headers) {
      if (headers.length % 2 != 0) {
        throw new IllegalArgumentException("headers must be names and values in pairs");
      }
      URI uri = uri(path);
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
      if (internal) {
        builder.header(dev.resident.api.InternalRequests.HEADER_NAME, host.signInternalRequest(method, uri));
      }
      for (int i = 0; i < headers.length; i += 2) {
        builder.header(headers[i], headers[i + 1]);
      }
      return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException("Request to " + base + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + base, e);
      }
    }

    @Override
    public String toString() {
      return base.toString();
    }
  }
}
