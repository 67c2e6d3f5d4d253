package dev.resident.testing;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A host started for a test, with what the test may ask for. Closed by JUnit with its store: it stops the
 * host gracefully, then checks that every thread the host made has ended.
 */
final class RunningHost implements ExtensionContext.Store.CloseableResource {

  private static final Duration THREADS_END_BOUND = Duration.ofSeconds(10);

  private final ResidentHost host;
  private final VirtualClock clock;
  private final ResidentClient client;
  private final Set<Thread> threadsBefore;

  private RunningHost(ResidentHost host, VirtualClock clock, Set<Thread> threadsBefore) {
    this.host = host;
    this.clock = clock;
    this.client = new ResidentClient(host);
    this.threadsBefore = threadsBefore;
  }

  static RunningHost start(Class<?> testClass, ResidentTest settings, List<Method> setups) {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    VirtualClock clock = settings.virtualTime() ? new VirtualClock() : null;
    ResidentHost.Builder builder = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .classLoader(testClass.getClassLoader());
    if (clock != null) {
      builder.clock(clock);
    }
    Path firstFile = null;
    for (String file : settings.config()) {
      Path path = locate(testClass, file);
      builder.config(path);
      if (firstFile == null) {
        firstFile = path;
      }
    }
    if (firstFile != null && firstFile.toAbsolutePath().getParent() != null) {
      builder.baseDirectory(firstFile.toAbsolutePath().getParent());
    }
    for (Method setup : setups) {
      ResidentExtension.invokeSetup(setup, builder);
    }
    ResidentHost host = builder.build();
    try {
      host.start();
    } catch (RuntimeException e) {
      try {
        host.stop();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new RunningHost(host, clock, before);
  }

  private static Path locate(Class<?> testClass, String file) {
    URL resource = testClass.getClassLoader().getResource(file.startsWith("/") ? file.substring(1) : file);
    if (resource != null && "file".equals(resource.getProtocol())) {
      try {
        return Path.of(resource.toURI());
      } catch (URISyntaxException e) {
        throw new ExtensionConfigurationException("Bad resource URL " + resource, e);
      }
    }
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      throw new ExtensionConfigurationException("@ResidentTest config file " + file
          + " is neither a class-path resource nor a file under " + Path.of("").toAbsolutePath());
    }
    return path;
  }

  ResidentHost host() {
    return host;
  }

  VirtualClock clock() {
    return clock;
  }

  ResidentClient client() {
    return client;
  }

  /**
   * Stops the host gracefully. On virtual time nobody moves the clock once the test has ended, so if the
   * stop has not finished after a moment, the clock is moved past every shutdown grace.
   */
  @Override
  public void close() {
    Thread stopper = new Thread(host::stop, "resident-test-stop");
    stopper.start();
    join(stopper, Duration.ofSeconds(1));
    if (stopper.isAlive() && clock != null) {
      clock.advance(host.config().versions().stream().map(v -> v.settings().shutdownGrace())
          .max(Duration::compareTo).orElse(Duration.ZERO).plusSeconds(1));
    }
    join(stopper, Duration.ofMinutes(1));
    long deadline = System.nanoTime() + THREADS_END_BOUND.toNanos();
    Set<Thread> left = leftThreads();
    while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(10_000_000);
      left = leftThreads();
    }
    if (!left.isEmpty()) {
      throw new AssertionError("Threads of the Resident host outlived the test by " + THREADS_END_BOUND + ": "
          + left.stream().map(Thread::getName).sorted().collect(Collectors.joining(", ")));
    }
  }

  private static void join(Thread thread, Duration bound) {
    try {
      thread.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Set<Thread> leftThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> !threadsBefore.contains(thread))
        .filter(thread -> thread.getName().startsWith("resident"))
        .collect(Collectors.toSet());
  }

  @Override
  public String toString() {
    return "running-host(" + host + ")";
  }
}
