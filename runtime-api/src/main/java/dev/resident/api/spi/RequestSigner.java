package dev.resident.api.spi;

import java.net.URI;

/**
 * Signs internal requests for {@link dev.resident.api.InternalRequests} (R-SEC-3). Implemented by hosts
 * and by the test support, not by applications.
 */
@FunctionalInterface
public interface RequestSigner {

  /**
   * Returns the value of the signature header for one request.
   *
   * @param method the HTTP method, such as {@code GET}
   * @param uri the absolute URI the request is sent to
   * @return the header's value, good for one request within the host's window
   */
  String sign(String method, URI uri);
}
