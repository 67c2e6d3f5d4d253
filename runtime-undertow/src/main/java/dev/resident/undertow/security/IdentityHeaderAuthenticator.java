package dev.resident.undertow.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the identity an identity-aware proxy in front of the host has checked (R-SEC-1): Google Cloud
 * IAP's {@code X-Goog-Authenticated-User-Email} (its {@code accounts.google.com:} prefix removed), else
 * oauth2-proxy's {@code X-Forwarded-Email}, else its {@code X-Forwarded-User}. Believed only from
 * {@code resident.trusted_proxies}; the host strips these headers from every other peer. Callers named
 * in the admin list (compared ignoring case) are in the role {@code admin}.
 *
 * <p>It trusts the proxy's position in the network, not a signed assertion: only a proxy that every
 * request must pass through may be trusted, and the host's ports must not be reachable around it.
 */
public final class IdentityHeaderAuthenticator implements Authenticator {

  /** The name of this authenticator in {@code resident.authenticator}. */
  public static final String SETTING = "identity-headers";

  /** Google Cloud IAP's header of the signed-in user's e-mail address. */
  public static final String IAP_EMAIL = "X-Goog-Authenticated-User-Email";

  /** oauth2-proxy's header of the signed-in user's e-mail address. */
  public static final String FORWARDED_EMAIL = "X-Forwarded-Email";

  /** oauth2-proxy's header of the signed-in user's name. */
  public static final String FORWARDED_USER = "X-Forwarded-User";

  /** Every identity header of every known proxy; the host strips them from untrusted peers. */
  public static final List<String> HEADERS = List.of(IAP_EMAIL, FORWARDED_EMAIL, FORWARDED_USER,
      "X-Goog-Authenticated-User-Id", "X-Goog-IAP-JWT-Assertion", "X-Forwarded-Groups",
      "X-Forwarded-Preferred-Username", "X-Auth-Request-Email", "X-Auth-Request-User");

  private static final String IAP_PREFIX = "accounts.google.com:";

  private final Set<String> admins;

  /**
   * @param admins the names or e-mail addresses of admins ({@code resident.admins})
   */
  public IdentityHeaderAuthenticator(List<String> admins) {
    this.admins = admins.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public ResidentPrincipal authenticate(Request request) {
    if (!request.fromTrustedProxy()) {
      return null;
    }
    String name = single(request, IAP_EMAIL);
    if (name != null && name.startsWith(IAP_PREFIX)) {
      name = name.substring(IAP_PREFIX.length());
    }
    if (name == null) {
      name = single(request, FORWARDED_EMAIL);
    }
    if (name == null) {
      name = single(request, FORWARDED_USER);
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    return admins.contains(name.toLowerCase(Locale.ROOT)) ? ResidentPrincipal.admin(name) : ResidentPrincipal.user(name);
  }

  /** The header's one value; two values are not an identity. */
  private static String single(Request request, String header) {
    List<String> values = request.headers(header);
    return values.size() == 1 ? values.get(0).trim() : null;
  }

  @Override
  public String toString() {
    return "identity-headers(" + admins.size() + " admins)";
  }
}
