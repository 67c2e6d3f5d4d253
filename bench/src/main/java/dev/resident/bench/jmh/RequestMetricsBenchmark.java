package dev.resident.bench.jmh;

import dev.resident.undertow.instance.RequestCounters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics add to each request (R-OPS-3): the wait counted when it runs and its outcome and time
 * counted when it ends, on the instance's {@link RequestCounters}; the Micrometer meters only read them at
 * a scrape. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be 0 B/op. {@code oneThread}: one
 * instance, one thread; {@code twoThreads}: two threads on one instance's counters (contention).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestMetricsBenchmark {

  /** One instance's counters, shared by the threads of a benchmark. */
  @State(Scope.Benchmark)
  public static class Counters {
    final RequestCounters counters = new RequestCounters();
  }

  /** A varying status and latency per thread, so that every outcome is counted. */
  @State(Scope.Thread)
  public static class Request {
    int n;
  }

  @Benchmark
  public void oneThread(Counters shared, Request request) {
    record(shared, request);
  }

  @Benchmark
  @Threads(2)
  public void twoThreads(Counters shared, Request request) {
    record(shared, request);
  }

  private static void record(Counters shared, Request request) {
    int n = request.n++;
    shared.counters.waited(n & 0xff);
    shared.counters.finished((n & 0x1f) == 0 ? 503 : (n & 0xf) == 1 ? 404 : 200, 100_000 + (n & 0xfff));
  }
}
