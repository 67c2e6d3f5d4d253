package dev.resident.undertow.security;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Finds who sent a request (R-SEC-1): the user's own security setup plugged into the host, through
 * {@code ResidentHost.Builder.authenticator} or the setting {@code resident.authenticator} naming a class
 * with a public no-argument constructor. {@link IdentityHeaderAuthenticator} is the ready one.
 *
 * <p>It is called for every request of a host that has one, before the request is admitted, on an I/O
 * thread: it must be fast and must not block (no network call; check a token from memory). It is called
 * concurrently.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * Returns the caller of a request.
   *
   * @param request the request, as far as it is known before admission
   * @return the signed-in caller, or null when the request carries no identity
   * @throws Exception if the identity cannot be checked; the request is then treated as not signed in
   */
  ResidentPrincipal authenticate(Request request) throws Exception;

  /** What an authenticator may read of a request. */
  interface Request {

    /**
     * Returns the method.
     *
     * @return such as {@code GET}
     */
    String method();

    /**
     * Returns the path.
     *
     * @return the decoded path, such as {@code /admin/users}
     */
    String path();

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, in any case
     * @return the value, or null
     */
    String header(String name);

    /**
     * Returns every value of a header.
     *
     * @param name the header name, in any case
     * @return the values, possibly none
     */
    List<String> headers(String name);

    /**
     * Returns the address of the connection's peer.
     *
     * @return the peer, which is the proxy when there is one
     */
    InetSocketAddress peer();

    /**
     * Tells whether the peer is one of {@code resident.trusted_proxies}.
     *
     * @return true when headers set by the proxy may be believed
     */
    boolean fromTrustedProxy();
  }
}
