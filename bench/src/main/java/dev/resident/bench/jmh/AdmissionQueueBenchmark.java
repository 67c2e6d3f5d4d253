package dev.resident.bench.jmh;

import dev.resident.undertow.admission.AdmissionQueue;
import dev.resident.undertow.admission.PendingRequest;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.time.HostClock;
import dev.resident.undertow.time.SystemClock;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The admission queue's fast path: a request offered to an open queue with a free slot is admitted at
 * once, then gives its slot back. {@code uncontended}: one thread, its own queue. {@code twoThreads}: two
 * threads share one queue with enough slots for both (lock contention only). {@code oneSlotTwoThreads}: two
 * threads share one slot, so about every other offer waits in the pending queue and is admitted by the
 * other thread's release (queueing, the sweep timer and the hand-over).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdmissionQueueBenchmark {

  /** A request that notes its admission and is never rejected. */
  static final class Request extends PendingRequest {
    volatile boolean admitted;

    Request() {
      super(false);
    }

    @Override
    protected void onAdmitted() {
      admitted = true;
    }

    @Override
    protected void onRejected(Rejection rejection) {
      throw new IllegalStateException("rejected: " + rejection);
    }
  }

  /** A queue on the system clock, open, with {@link #slots()} slots; its clock's timer stops after the trial. */
  public abstract static class Queue {
    SystemClock clock;
    AdmissionQueue queue;

    abstract int slots();

    @Setup(Level.Trial)
    public void open() {
      clock = HostClock.system();
      queue = new AdmissionQueue(slots(), 1_000, Duration.ofSeconds(10), clock);
      queue.open();
    }

    @TearDown(Level.Trial)
    public void close() {
      queue.close();
      clock.close();
    }
  }

  /** One queue per thread. */
  @State(Scope.Thread)
  public static class OwnQueue extends Queue {
    @Override
    int slots() {
      return 10;
    }
  }

  /** One queue for every thread, with a slot each. */
  @State(Scope.Benchmark)
  public static class SharedQueue extends Queue {
    @Override
    int slots() {
      return 10;
    }
  }

  /** One queue for every thread, with one slot. */
  @State(Scope.Benchmark)
  public static class OneSlot extends Queue {
    @Override
    int slots() {
      return 1;
    }
  }

  @Benchmark
  public Request uncontended(OwnQueue state) {
    return offerAndRelease(state.queue);
  }

  @Benchmark
  @Threads(2)
  public Request twoThreads(SharedQueue state) {
    return offerAndRelease(state.queue);
  }

  @Benchmark
  @Threads(2)
  public Request oneSlotTwoThreads(OneSlot state) {
    return offerAndRelease(state.queue);
  }

  private static Request offerAndRelease(AdmissionQueue queue) {
    Request request = new Request();
    queue.offer(request, false);
    for (int spins = 0; !request.admitted; spins++) {
      if (spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    queue.release();
    return request;
  }
}
