package dev.resident.bench.jmh;

import dev.resident.undertow.security.IdentityHandler;
import dev.resident.undertow.security.InternalSecret;
import dev.resident.undertow.security.RequestSignatures;
import dev.resident.undertow.security.SignatureCheck;
import dev.resident.undertow.security.TrustedProxies;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signed internal requests (R-SEC-3): signing one, verifying a valid one (its HMAC and its nonce's first
 * use), verifying one that does not match (the HMAC alone), and the identity-header strip every request
 * of a host goes through (R-SEC-1). The clock moves 1 ms per reading, so that remembered nonces expire as
 * they would at a steady rate of requests instead of filling the ledger.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SignatureBenchmark {

  /** Wall-clock time that moves 1 ms per reading; schedules nothing. */
  static final class SteppingClock implements HostClock {
    private final AtomicLong nanos = new AtomicLong();
    private final Instant origin = Instant.parse("2030-01-01T00:00:00Z");

    @Override
    public long nanoTime() {
      return nanos.addAndGet(1_000_000);
    }

    @Override
    public Instant instant() {
      return origin.plusNanos(nanoTime());
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      throw new UnsupportedOperationException();
    }
  }

  private static final URI URI_OF_TASK = URI.create("http://127.0.0.1:8081/tasks/run?id=12345");
  private RequestSignatures signatures;
  private String mismatched;
  private HttpServerExchange exchange;
  private HttpHandler strip;

  @Setup
  public void setUp() {
    signatures = new RequestSignatures(InternalSecret.random(new SecureRandom()), new SteppingClock(), 2_000_000);
    mismatched = signatures.sign("GET", URI.create("http://127.0.0.1:8081/tasks/other?id=12345"));
    exchange = new HttpServerExchange(null);
    exchange.getRequestHeaders().put(Headers.HOST, "127.0.0.1:8080");
    exchange.getRequestHeaders().put(Headers.USER_AGENT, "wrk");
    exchange.getRequestHeaders().put(Headers.ACCEPT, "*/*");
    exchange.getRequestHeaders().put(Headers.CONNECTION, "keep-alive");
    strip = new IdentityHandler(TrustedProxies.NONE, null, e -> { });
  }

  /** Makes the header of one request: a random nonce and one HMAC. */
  @Benchmark
  public String sign() {
    return signatures.sign("POST", URI_OF_TASK);
  }

  /** Makes a signature and verifies it: two HMACs, a random nonce and the nonce ledger's insert. */
  @Benchmark
  public SignatureCheck signAndVerify() {
    return signatures.verify("POST", "127.0.0.1:8081", "/tasks/run", "id=12345", signatures.sign("POST", URI_OF_TASK));
  }

  /** Verifies a signature of another path: parsing and one HMAC, no ledger. */
  @Benchmark
  public SignatureCheck verifyMismatch() {
    return signatures.verify("GET", "127.0.0.1:8081", "/tasks/run", "id=12345", mismatched);
  }

  /** The identity handler of a host with no trusted proxy and no authenticator: strips nine names. */
  @Benchmark
  public HttpServerExchange identityStrip() throws Exception {
    strip.handleRequest(exchange);
    return exchange;
  }
}
