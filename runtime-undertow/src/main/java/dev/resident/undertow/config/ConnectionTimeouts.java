package dev.resident.undertow.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the host waits on a client's connection, for every port of the host (R-SEC-4): from the
 * application-wide {@code resident.request_parse_timeout} and {@code resident.idle_timeout}.
 *
 * @param requestParseTimeout how long a client may take to send a request line and headers, counted from
 *     its first byte; then the connection is closed
 * @param idleTimeout how long a connection may stay open with no request on it (before its first request
 *     and between keep-alive requests); then it is closed. A request waiting or running is not idle.
 */
public record ConnectionTimeouts(Duration requestParseTimeout, Duration idleTimeout) {

  /** {@code request_parse_timeout} when not set. */
  public static final Duration DEFAULT_REQUEST_PARSE_TIMEOUT = Duration.ofSeconds(30);

  /** {@code idle_timeout} when not set. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** The least value of either timeout. */
  public static final Duration MIN = Duration.ofMillis(1);

  /** The greatest value of either timeout. */
  public static final Duration MAX = Duration.ofHours(24);

  /** Both defaults. */
  public static final ConnectionTimeouts DEFAULTS =
      new ConnectionTimeouts(DEFAULT_REQUEST_PARSE_TIMEOUT, DEFAULT_IDLE_TIMEOUT);

  /**
   * Checks both timeouts.
   *
   * @throws IllegalArgumentException if either is below {@link #MIN} or above {@link #MAX}
   */
  public ConnectionTimeouts {
    check("requestParseTimeout", requestParseTimeout);
    check("idleTimeout", idleTimeout);
  }

  /**
   * Checks one timeout.
   *
   * @param name the name the message gives
   * @param timeout the timeout
   * @return the timeout
   * @throws IllegalArgumentException if it is below {@link #MIN} or above {@link #MAX}
   */
  public static Duration check(String name, Duration timeout) {
    Objects.requireNonNull(timeout, name);
    if (timeout.compareTo(MIN) < 0 || timeout.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(name + " must be from 1ms to 24h, found " + timeout);
    }
    return timeout;
  }
}
