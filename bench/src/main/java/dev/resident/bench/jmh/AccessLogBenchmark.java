package dev.resident.bench.jmh;

import dev.resident.undertow.accesslog.AccessLog;
import dev.resident.undertow.accesslog.RecentRequests;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the access log adds to the thread that completes a request (R-OPS-3, R-PERF-1): the record, the
 * recent-requests list and the writer's queue, with the lines going to a file of their own ({@code
 * /dev/null}), written by the access log's thread. The exchange carries no attachments, so the lookups of request facts all miss.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AccessLogBenchmark {

  private AccessLog log;
  private HttpServerExchange exchange;

  /** Opens the access log on {@code /dev/null} (the writer keeps up; a full queue would drop), and a finished exchange. */
  @Setup(Level.Trial)
  public void open() {
    log = new AccessLog(HostClock.system(), new RecentRequests(AccessLog.DEFAULT_CAPACITY), Path.of("/dev/null"));
    exchange = new HttpServerExchange(null);
    exchange.setRequestMethod(Methods.GET);
    exchange.setRequestPath("/hello");
    exchange.setStatusCode(200);
  }

  /** Closes the access log. */
  @TearDown(Level.Trial)
  public void close() {
    log.close();
  }

  /** Records one finished request. */
  @Benchmark
  public void completed() {
    log.completed(exchange);
  }
}
