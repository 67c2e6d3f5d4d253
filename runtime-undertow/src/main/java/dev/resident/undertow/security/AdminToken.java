package dev.resident.undertow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The admin token ({@code resident.admin_token}): a request that carries {@code Authorization: Bearer
 * <token>} is an admin's (R-SEC-1, R-OPS-1). Compared in constant time.
 */
public final class AdminToken {

  private static final String BEARER = "bearer ";

  private final byte[] token;

  /**
   * @param token the configured token, not empty
   */
  public AdminToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("the admin token is empty");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Tells whether an {@code Authorization} header carries the token.
   *
   * @param authorization the header's value, or null
   * @return true for {@code Bearer <token>} (the scheme in any case)
   */
  public boolean matches(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return matchesToken(authorization.substring(BEARER.length()).trim());
  }

  /**
   * Tells whether a presented token is the admin token, in time that does not depend on where they differ.
   *
   * @param presented the presented token
   * @return true when equal
   */
  public boolean matchesToken(String presented) {
    return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "admin-token(hidden)";
  }
}
