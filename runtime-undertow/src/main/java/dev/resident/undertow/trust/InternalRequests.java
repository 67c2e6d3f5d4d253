package dev.resident.undertow.trust;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends the host's internal requests and recognises them: each carries a random per-host secret in
 * {@value #HEADER}, which is compared in constant time and removed before user code sees the request.
 */
public final class InternalRequests {

  /** The header that carries the secret. */
  public static final String HEADER = "X-Resident-Internal";

  private static final HttpString HEADER_NAME = new HttpString(HEADER);
  private static final AttachmentKey<Boolean> INTERNAL = AttachmentKey.create(Boolean.class);

  private final byte[] secret;
  private final String secretText;
  private final String connectAddress;
  private final HttpClient client;

  /**
   * Creates the internal requests of a host with a fresh random secret.
   *
   * @param bindAddress the address the host listens on; internal requests connect to loopback when it is a
   *     wildcard address
   * @param executor runs the HTTP client's callbacks
   */
  public InternalRequests(String bindAddress, Executor executor) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.secretText = HexFormat.of().formatHex(random);
    this.secret = secretText.getBytes(StandardCharsets.US_ASCII);
    this.connectAddress = isWildcard(bindAddress) ? "127.0.0.1" : bindAddress;
    this.client = HttpClient.newBuilder()
        .executor(executor)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * Sends an internal GET to a port of the host. There is no timeout: a start request may run for hours.
   *
   * @param port the port
   * @param path the path, such as {@code /_ah/start}
   * @return the response status, or a failed future if the request could not be made
   */
  public CompletableFuture<Integer> get(int port, String path) {
    String host = connectAddress.contains(":") ? "[" + connectAddress + "]" : connectAddress;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .header(HEADER, secretText)
        .GET()
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }

  /**
   * Returns the header that makes a request internal.
   *
   * @return the header name and the secret
   */
  public Map<String, String> header() {
    return Map.of(HEADER, secretText);
  }

  /**
   * Checks the secret of an incoming request, removes the header, and remembers the answer on the exchange.
   *
   * @param exchange the request
   * @return true when the request is internal
   */
  public boolean verify(HttpServerExchange exchange) {
    String presented = exchange.getRequestHeaders().getFirst(HEADER_NAME);
    boolean internal = false;
    if (presented != null) {
      exchange.getRequestHeaders().remove(HEADER_NAME);
      internal = MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.US_ASCII));
    }
    if (internal) {
      exchange.putAttachment(INTERNAL, Boolean.TRUE);
    }
    return internal;
  }

  /**
   * Tells whether {@link #verify} found the request internal.
   *
   * @param exchange the request
   * @return true when internal
   */
  public static boolean isInternal(HttpServerExchange exchange) {
    return exchange.getAttachment(INTERNAL) != null;
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
  }

  @Override
  public String toString() {
    return "internal-requests(via " + connectAddress + ")";
  }
}
