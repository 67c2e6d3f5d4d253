package dev.resident.undertow.config;

import java.util.Objects;
import java.util.Set;

/**
 * Who may call the URLs of a version, and over what transport (R-SEC-1, R-SEC-2): a yaml handler's
 * {@code login}, {@code secure} and {@code auth_fail_action}, or a web.xml {@code security-constraint}
 * (R-WAR-3). A version's rules keep their configured order.
 *
 * @param urlPattern the servlet path pattern the rule covers, such as {@code /admin/*}
 * @param methods the HTTP methods it covers, upper case; empty for every method
 * @param login who may call
 * @param secure whether the request must arrive over TLS
 * @param authFailAction what a caller who is not signed in gets when {@code login} asks for one
 * @param origin where the rule is configured
 */
public record AccessRule(
    String urlPattern,
    Set<String> methods,
    HandlerConfig.Login login,
    Secure secure,
    AuthFailAction authFailAction,
    Origin origin) {

  public AccessRule {
    Objects.requireNonNull(urlPattern, "urlPattern");
    methods = Set.copyOf(methods);
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(secure, "secure");
    Objects.requireNonNull(authFailAction, "authFailAction");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * Tells whether the rule asks for any protection: a login, or TLS.
   *
   * @return false when anyone may call over any transport
   */
  public boolean protects() {
    return login != HandlerConfig.Login.OPTIONAL || secure == Secure.ALWAYS;
  }

  /** The {@code secure:} of a handler; web.xml's {@code CONFIDENTIAL} and {@code INTEGRAL} are {@link #ALWAYS}. */
  public enum Secure {
    /** Plain HTTP and HTTPS both. The default. */
    OPTIONAL,
    /** Plain HTTP only: App Engine redirected HTTPS to HTTP. */
    NEVER,
    /** HTTPS only: plain GET and HEAD are redirected, other methods refused. */
    ALWAYS
  }

  /** The {@code auth_fail_action:} of a handler. */
  public enum AuthFailAction {
    /** Redirect to the login URL. The default. */
    REDIRECT,
    /** Answer 401. */
    UNAUTHORIZED
  }
}
