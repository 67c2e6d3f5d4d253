package dev.resident.undertow.instance;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Makes request ids unique to a host: a random prefix per host and a counter (R-REQ-7). */
public final class RequestIds {

  /** The response header that carries the request id. */
  public static final String HEADER = "X-Resident-Request-Id";

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  /** Creates a generator with a fresh random prefix. */
  public RequestIds() {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    prefix = HexFormat.of().formatHex(random) + "-";
  }

  /**
   * Returns a new id.
   *
   * @return such as {@code 9f2c01ab-1a}
   */
  public String next() {
    return prefix + Long.toHexString(counter.incrementAndGet());
  }
}
