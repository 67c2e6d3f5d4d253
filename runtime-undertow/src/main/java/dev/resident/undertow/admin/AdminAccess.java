package dev.resident.undertow.admin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may use the host's operations paths (R-OPS-1): without {@code resident.admin_token}, clients on the
 * loopback interface only; with it, any client whose {@code Authorization: Bearer <token>} matches,
 * compared in constant time, and no client without it, loopback included.
 */
public final class AdminAccess {

  /** What a request is refused with, if anything. */
  public enum Verdict {
    /** Allowed. */
    ALLOWED,
    /** No token is set and the client is not on the loopback interface: 403. */
    NOT_LOOPBACK,
    /** A token is set and the request does not carry it: 401. */
    NO_TOKEN
  }

  private static final String BEARER = "Bearer ";

  /** The SHA-256 digest of the token, or null. */
  private final byte[] token;

  private AdminAccess(byte[] token) {
    this.token = token;
  }

  /**
   * Returns the rule for a token.
   *
   * @param token {@code resident.admin_token}, or null for loopback clients only
   * @return the rule
   */
  public static AdminAccess of(String token) {
    if (token != null && token.isEmpty()) {
      throw new IllegalArgumentException("An admin token must not be empty");
    }
    return new AdminAccess(token == null ? null : sha256(token));
  }

  /**
   * Tells whether a token is set.
   *
   * @return true when requests need the bearer token
   */
  public boolean tokenRequired() {
    return token != null;
  }

  /**
   * Judges a request.
   *
   * @param exchange the request
   * @return whether it may go on, or why not
   */
  public Verdict judge(HttpServerExchange exchange) {
    if (token == null) {
      return isLoopback(exchange) ? Verdict.ALLOWED : Verdict.NOT_LOOPBACK;
    }
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    return header != null && matches(header) ? Verdict.ALLOWED : Verdict.NO_TOKEN;
  }

  /**
   * Tells whether an {@code Authorization} header value carries the token; takes the same time for every
   * value of a given length, whatever the token.
   *
   * @param authorization the header value
   * @return true when it is {@code Bearer <token>}
   */
  boolean matches(String authorization) {
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    // Digests of equal length, compared by MessageDigest.isEqual in constant time: neither the token's
    // bytes nor its length show in the time a wrong guess takes.
    return MessageDigest.isEqual(sha256(authorization.substring(BEARER.length()).trim()), token);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static boolean isLoopback(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    InetAddress address = source == null ? null : source.getAddress();
    return address != null && address.isLoopbackAddress();
  }

  @Override
  public String toString() {
    return token == null ? "admin-access(loopback clients)" : "admin-access(bearer token)";
  }
}
