package dev.resident.undertow.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in caller, as an {@link Authenticator} found it: what servlets see as
 * {@code getUserPrincipal()}, with the roles {@code isUserInRole} answers.
 *
 * @param name the caller's name, such as an e-mail address
 * @param roles the caller's roles; {@value #ADMIN} makes an admin
 */
public record ResidentPrincipal(String name, Set<String> roles) implements Principal {

  /** The role of admins, as App Engine's {@code login: admin}. */
  public static final String ADMIN = "admin";

  public ResidentPrincipal {
    Objects.requireNonNull(name, "name");
    roles = Set.copyOf(roles);
  }

  /**
   * Returns a principal with no role.
   *
   * @param name the caller's name
   * @return the principal
   */
  public static ResidentPrincipal user(String name) {
    return new ResidentPrincipal(name, Set.of());
  }

  /**
   * Returns a principal in the role {@value #ADMIN}.
   *
   * @param name the caller's name
   * @return the principal
   */
  public static ResidentPrincipal admin(String name) {
    return new ResidentPrincipal(name, Set.of(ADMIN));
  }

  @Override
  public String getName() {
    return name;
  }

  /**
   * Tells whether the caller is an admin.
   *
   * @return true when in the role {@value #ADMIN}
   */
  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }
}
