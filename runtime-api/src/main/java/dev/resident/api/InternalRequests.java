package dev.resident.api;

import dev.resident.api.spi.RequestSigners;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs requests from the application to itself, as App Engine authenticated a URLFetch from one module to
 * another (R-SEC-3). A signed request may reach a private module, {@code login: admin} handlers and
 * {@code /_ah/} paths, and keeps its {@code X-AppEngine-*} headers (task queue, cron).
 *
 * <pre>{@code
 * URI uri = URI.create("http://" + modules.getVersionHostname("worker", null) + "/jobs?id=7");
 * HttpRequest request = InternalRequests.sign(HttpRequest.newBuilder(uri), "POST", uri)
 *     .POST(HttpRequest.BodyPublishers.ofString(body))
 *     .build();
 * }</pre>
 *
 * <p>A signature covers the method, the host (with its port, as sent in the {@code Host} header), the path
 * and the query of one request, and is accepted once, within five minutes of being made. The body is not
 * signed. Sign each request just before sending it.
 */
public final class InternalRequests {

  /** The request header that carries the signature. */
  public static final String HEADER_NAME = "X-Resident-Signature";

  private InternalRequests() {}

  /**
   * Returns the signature of one request, the value of {@link #HEADER_NAME}.
   *
   * @param method the HTTP method the request is sent with, such as {@code GET}
   * @param uri the absolute URI it is sent to, with the host (and port) it is sent to
   * @return the header's value
   * @throws IllegalArgumentException if {@code uri} is not absolute or has no host
   * @throws IllegalStateException if no Resident host runs in this JVM, or several do and the calling
   *     thread belongs to none of them
   */
  public static String sign(String method, URI uri) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("An internal request needs an absolute URI with a host: " + uri);
    }
    return RequestSigners.require("InternalRequests.sign").sign(method.toUpperCase(Locale.ROOT), uri);
  }

  /**
   * Adds the signature of one request to a request builder. The builder's URI and method are not read
   * (a builder cannot tell them): give the same ones here.
   *
   * @param builder the builder of the request
   * @param method the HTTP method the request is sent with
   * @param uri the absolute URI it is sent to
   * @return {@code builder}, with the header set
   * @throws IllegalArgumentException if {@code uri} is not absolute or has no host
   * @throws IllegalStateException as {@link #sign(String, URI)}
   */
  public static HttpRequest.Builder sign(HttpRequest.Builder builder, String method, URI uri) {
    Objects.requireNonNull(builder, "builder");
    return builder.setHeader(HEADER_NAME, sign(method, uri));
  }
}
