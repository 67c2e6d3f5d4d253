package dev.resident.undertow.admin;

import dev.resident.undertow.security.AdminToken;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;

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


  /** The token, or null. */
  private final AdminToken token;

  private AdminAccess(AdminToken token) {
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
    return new AdminAccess(token == null ? null : new AdminToken(token));
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

  boolean matches(String authorization) {
    return token.matches(authorization);
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
