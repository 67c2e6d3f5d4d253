package dev.resident.undertow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The admin token ({@code resident.admin_token}): a request that carries {@code Authorization: Bearer
 * <token>} is an admin's (R-SEC-1, R-OPS-1). Compared in constant time: digests of equal length, so that
 * neither the token's bytes nor its length show in the time a wrong guess takes. The one matcher of the
 * token, for the access rules and for the operations paths alike.
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
    this.token = sha256(token);
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
    return presented != null && MessageDigest.isEqual(token, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "admin-token(hidden)";
  }
}
