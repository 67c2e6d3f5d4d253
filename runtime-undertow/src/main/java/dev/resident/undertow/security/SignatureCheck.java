package dev.resident.undertow.security;

/** What the signature header of a request says (R-SEC-3); every answer but two refuses the request. */
public enum SignatureCheck {
  /** No signature: an external request. */
  ABSENT(null),
  /** A valid signature, seen for the first time: an internal request. */
  VALID(null),
  /** More than one signature header. */
  DUPLICATE("more than one signature header"),
  /** Not of the signature's form. */
  MALFORMED("malformed signature"),
  /** Dated outside the window. */
  EXPIRED("signature expired or dated ahead"),
  /** Not the signature of this method, host, path and query under the application's secret. */
  MISMATCH("signature does not match the request"),
  /** Accepted before. */
  REPLAYED("signature already used"),
  /** The host remembers as many nonces as it can; the request may be retried. */
  BUSY("too many signed requests in the window");

  private final String reason;

  SignatureCheck(String reason) {
    this.reason = reason;
  }

  /**
   * Tells whether the request must be refused.
   *
   * @return true for a signature that is present and not accepted
   */
  public boolean refused() {
    return reason != null;
  }

  /**
   * Returns the short reason given to the client.
   *
   * @return the reason, or null when not refused
   */
  public String reason() {
    return reason;
  }
}
