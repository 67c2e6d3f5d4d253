package dev.resident.undertow.security;

import dev.resident.api.InternalRequests;
import dev.resident.api.spi.RequestSigner;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs and verifies internal requests (R-SEC-3): an HMAC-SHA256 under the application's secret of the
 * method, host, path, query, time and a nonce; accepted within {@link #WINDOW} of its time, once.
 */
public final class RequestSignatures implements RequestSigner {

  /** How far a signature's time may be from the host's. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** The most nonces remembered at once: more signed requests than this in ten minutes are refused. */
  public static final long DEFAULT_CAPACITY = 200_000;

  static final HttpString HEADER = new HttpString(InternalRequests.HEADER_NAME);

  private final SignatureCodec codec;
  private final HostClock clock;
  private final NonceLedger nonces;
  private final SecureRandom random;
  private final InternalSecret secret;

  /**
   * @param secret the application's secret
   * @param clock the host's clock: its wall-clock time dates and checks signatures
   * @param capacity the most nonces remembered at once
   */
  public RequestSignatures(InternalSecret secret, HostClock clock, long capacity) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
    }
    this.codec = new SignatureCodec(secret);
    this.nonces = new NonceLedger(clock, WINDOW.multipliedBy(2), capacity);
    this.random = new SecureRandom();
  }

  @Override
  public String sign(String method, URI uri) {
    String authority = uri.getRawAuthority();
    if (authority == null) {
      throw new IllegalArgumentException("An internal request needs an absolute URI with a host: " + uri);
    }
    int at = authority.lastIndexOf('@');
    String host = at < 0 ? authority : authority.substring(at + 1);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    return codec.sign(method.toUpperCase(Locale.ROOT), host, path, query, clock.instant().getEpochSecond(),
        SignatureCodec.encode(nonce));
  }

  /**
   * Checks the signature header of a request and removes it, so that user code never sees it.
   *
   * @param exchange the request
   * @return what the header says
   */
  public SignatureCheck verify(HttpServerExchange exchange) {
    HeaderValues values = exchange.getRequestHeaders().get(HEADER);
    if (values == null || values.isEmpty()) {
      return SignatureCheck.ABSENT;
    }
    int count = values.size();
    String signature = values.getFirst();
    exchange.getRequestHeaders().remove(HEADER);
    if (count > 1) {
      return SignatureCheck.DUPLICATE;
    }
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    if (host == null) {
      return SignatureCheck.MISMATCH;
    }
    return verify(exchange.getRequestMethod().toString(), host, rawPath(exchange),
        exchange.getQueryString() == null ? "" : exchange.getQueryString(), signature);
  }

  /**
   * Checks a signature against a request.
   *
   * @param method the request's method
   * @param host its {@code Host} header
   * @param path its raw path
   * @param query its raw query, empty for none
   * @param signature the header's value
   * @return what the signature says; {@link SignatureCheck#VALID} uses up its nonce
   */
  public SignatureCheck verify(String method, String host, String path, String query, String signature) {
    String[] parts = signature.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(SignatureCodec.VERSION) || parts[1].isEmpty()
        || parts[1].length() > 12 || !digits(parts[1])) {
      return SignatureCheck.MALFORMED;
    }
    byte[] mac = SignatureCodec.decode(parts[3], SignatureCodec.MAC_CHARS);
    if (mac == null || SignatureCodec.decode(parts[2], SignatureCodec.NONCE_CHARS) == null) {
      return SignatureCheck.MALFORMED;
    }
    long time = Long.parseLong(parts[1]);
    if (Math.abs(clock.instant().getEpochSecond() - time) > WINDOW.toSeconds()) {
      return SignatureCheck.EXPIRED;
    }
    if (!codec.matches(method, host, path, query, time, parts[2], mac)) {
      return SignatureCheck.MISMATCH;
    }
    return switch (nonces.use(parts[2])) {
      case FIRST -> SignatureCheck.VALID;
      case REPLAYED -> SignatureCheck.REPLAYED;
      case FULL -> SignatureCheck.BUSY;
    };
  }

  /** The path as the client sent it, without a scheme and authority of an absolute-form target. */
  static String rawPath(HttpServerExchange exchange) {
    String uri = exchange.getRequestURI();
    if (!uri.startsWith("/")) {
      int scheme = uri.indexOf("://");
      if (scheme > 0) {
        int slash = uri.indexOf('/', scheme + 3);
        uri = slash < 0 ? "/" : uri.substring(slash);
      }
    }
    return uri;
  }

  private static boolean digits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "request-signatures(" + secret + ", window " + WINDOW + ", " + nonces + ")";
  }
}
