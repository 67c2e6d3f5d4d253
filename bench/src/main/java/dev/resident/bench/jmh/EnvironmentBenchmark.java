package dev.resident.bench.jmh;

import dev.resident.api.Environment;
import dev.resident.api.RuntimeStats;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.spi.LifecycleControl;
import dev.resident.api.spi.RuntimeBinding;
import dev.resident.api.spi.RuntimeContext;
import java.util.concurrent.ThreadFactory;
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
 * The API's lookup of the calling thread's environment: {@code Environment.current()} with a context bound
 * through {@link RuntimeBinding}, as on a request thread; and binding plus unbinding a context, which every
 * request does once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvironmentBenchmark {

  /** A context whose environment answers constants; everything else is unused here. */
  static final class FixedContext implements RuntimeContext, Environment {
    @Override
    public void checkDeadline() {}

    @Override
    public Environment environment() {
      return this;
    }

    @Override
    public LifecycleControl lifecycle() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ThreadFactory requestThreadFactory() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ThreadFactory backgroundThreadFactory() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ModulesService modulesService() {
      throw new UnsupportedOperationException();
    }

    @Override
    public RuntimeStats stats() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getAppId() {
      return "app";
    }

    @Override
    public String getModuleId() {
      return "default";
    }

    @Override
    public String getVersionId() {
      return "v1";
    }

    @Override
    public String getInstanceId() {
      return "0";
    }

    @Override
    public String getRequestId() {
      return "00000000-1";
    }

    @Override
    public long getRemainingMillis() {
      return Long.MAX_VALUE;
    }

    @Override
    public boolean isBackground() {
      return false;
    }
  }

  /** The benchmark thread with a context bound for the whole trial. */
  @State(Scope.Thread)
  public static class Bound {
    final FixedContext context = new FixedContext();
    RuntimeBinding binding;

    @Setup(Level.Trial)
    public void bind() {
      binding = RuntimeBinding.bind(context);
    }

    @TearDown(Level.Trial)
    public void unbind() {
      binding.close();
    }
  }

  @Benchmark
  public Environment current(Bound bound) {
    return Environment.current();
  }

  @Benchmark
  public String currentRequestId(Bound bound) {
    return Environment.current().getRequestId();
  }

  @Benchmark
  public RuntimeContext bindAndClose(Bound bound) {
    RuntimeBinding binding = RuntimeBinding.bind(bound.context);
    RuntimeContext current = RuntimeBinding.currentOrNull();
    binding.close();
    return current;
  }
}
