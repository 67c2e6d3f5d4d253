package dev.resident.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ResidentTestExtensionTest {

  @BeforeEach
  void clear() {
    WorkerServlet.EVENTS.clear();
    Hosts.SEEN.clear();
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  private static List<String> residentThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("resident"))
        .toList();
  }

  /** Holds the hosts the cases saw, by identity, to compare hosts across tests. */
  static final class Hosts {
    static final List<Integer> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();
  }

  @ResidentTest(config = {"testkit/app.yaml", "testkit/worker.yaml"})
  static class HostCases {
    @ResidentSetup
    static void handlers(ResidentHost.Builder host) {
      host.handlers("default", h -> h.servlet("/*", WorkerServlet.class))
          .handlers("worker", h -> h.servlet("/*", WorkerServlet.class));
    }

    @Test
    void injectsHostClientModulesAndClock(
        ResidentHost host, ResidentClient client, ModulesService modules, VirtualClock clock) {
      Hosts.SEEN.add(System.identityHashCode(host));
      assertThat(client.get("/where").body()).startsWith("default/v1/");
      assertThat(modules.getModules()).containsExactly("default", "worker");
      assertThat(clock).isSameAs(host.clock());
      awaitServing(host);
      assertThat(client.instance("worker", "v1", "1").get("/where").body()).isEqualTo("worker/v1/1");
      assertThat(client.version("worker", "v1").get("/where").body()).startsWith("worker/v1/");
    }

    @Test
    void aSecondTestGetsAFreshHost(ResidentHost host) {
      Hosts.SEEN.add(System.identityHashCode(host));
      awaitServing(host);
    }
  }

  static void awaitServing(ResidentHost host) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (host.instanceState("worker", "v1", "0") != InstanceState.SERVING
        || host.instanceState("worker", "v1", "1") != InstanceState.SERVING) {
      if (System.nanoTime() > end) {
        throw new AssertionError("worker instances did not serve");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }

  @Test
  @DisplayName("R-TEST-1 a real host per test, injected, stopped gracefully after, no thread left")
  void hostPerTest() {
    Events events = run(HostCases.class);
    events.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    assertThat(new HashSet<>(Hosts.SEEN)).hasSize(2);
    assertThat(WorkerServlet.EVENTS).contains("hook worker/v1/0", "hook worker/v1/1");
    assertThat(WorkerServlet.EVENTS.stream().filter(e -> e.equals("hook worker/v1/0"))).hasSize(2);
    assertThat(residentThreads()).isEmpty();
  }

  @ResidentTest(config = {"testkit/app.yaml"}, perClass = true)
  static class PerClassCases {
    @Test
    void first(ResidentHost host) {
      Hosts.SEEN.add(System.identityHashCode(host));
    }

    @Test
    void second(ResidentHost host) {
      Hosts.SEEN.add(System.identityHashCode(host));
    }
  }

  @Test
  @DisplayName("R-TEST-1 perClass shares one host between the tests of a class")
  void hostPerClass() {
    run(PerClassCases.class).assertStatistics(stats -> stats.succeeded(2));
    assertThat(Set.copyOf(Hosts.SEEN)).hasSize(1);
    assertThat(residentThreads()).isEmpty();
  }

  @ResidentTest(config = "testkit/broken.yaml")
  static class BrokenConfigCases {
    @Test
    void neverRuns() {
      throw new AssertionError("the host should not have started");
    }
  }

  @Test
  @DisplayName("R-TEST-1 a bad configuration fails the test with the config message")
  void badConfigFailsTheTest() {
    run(BrokenConfigCases.class).assertThatEvents().haveExactly(1, event(test("neverRuns"),
        finishedWithFailure(instanceOf(ConfigException.class),
            message(m -> m.contains("broken.yaml:3:3: unknown key manual_scaling.instnaces; did you mean instances?")))));
  }

  /** Holds the port the busy-port case asks for, taken by a plain socket. */
  static final class BusyPort {
    static java.net.ServerSocket socket;
  }

  @ResidentTest(config = {"testkit/app.yaml", "testkit/worker.yaml"})
  static class BusyPortCases {
    @ResidentSetup
    static void busyMainPort(ResidentHost.Builder host) {
      host.port(BusyPort.socket.getLocalPort());
    }

    @Test
    void neverRuns() {
      throw new AssertionError("the host should not have started");
    }
  }

  @Test
  @DisplayName("R-REL-4 a host that cannot start fails the test with the real cause, and leaves no thread")
  void failedStartReportsItsCause() throws java.io.IOException {
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      BusyPort.socket = busy;
      run(BusyPortCases.class).assertThatEvents().haveExactly(1, event(test("neverRuns"),
          finishedWithFailure(instanceOf(java.io.UncheckedIOException.class),
              message(m -> m.contains("Could not listen on 127.0.0.1:" + busy.getLocalPort())))));
    } finally {
      BusyPort.socket = null;
    }
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!residentThreads().isEmpty() && System.nanoTime() < end) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
    assertThat(residentThreads()).isEmpty();
  }

  @ResidentTest(config = {"testkit/app.yaml", "testkit/worker.yaml"})
  static class LeakCases {
    @ResidentSetup
    static void handlers(ResidentHost.Builder host) {
      host.handlers("worker", h -> h.servlet("/*", WorkerServlet.class));
    }

    @Test
    void startsAThreadThatIgnoresInterrupts(ResidentHost host, ResidentClient client) {
      awaitServing(host);
      assertThat(client.instance("worker", "v1", "0").get("/stubborn").body()).isEqualTo("started");
    }
  }

  @Test
  @DisplayName("R-TEST-1 a thread of the host that outlives the test fails it")
  void leakedThreadFailsTheTest() {
    run(LeakCases.class).assertThatEvents().haveExactly(1, event(test("startsAThreadThatIgnoresInterrupts"),
        finishedWithFailure(message(m -> m.startsWith("Threads of the Resident host outlived the test")
            && m.contains("bg")))));
    assertThat(WorkerServlet.EVENTS).contains("stubborn ignored an interrupt");
    WorkerServlet.stubbornRelease.countDown();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!residentThreads().isEmpty() && System.nanoTime() < end) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
    assertThat(residentThreads()).isEmpty();
    WorkerServlet.stubbornRelease = new java.util.concurrent.CountDownLatch(1);
  }

  @ResidentTest(config = {"testkit/app.yaml", "testkit/worker.yaml"})
  static class VirtualTimeCases {
    @ResidentSetup
    static void handlers(ResidentHost.Builder host) {
      host.handlers("worker", h -> h.servlet("/*", WorkerServlet.class));
    }

    @Test
    void movesTimeToStopInstances(ResidentHost host, ModulesService modules, VirtualClock clock) {
      awaitServing(host);
      java.util.concurrent.Future<Void> stopping = modules.stopVersionAsync("worker", "v1");
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!stopping.isDone() && System.nanoTime() < end) {
        clock.advance(Duration.ofSeconds(1));
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
      }
      assertThat(stopping).isDone();
      assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    }
  }

  @Test
  @DisplayName("R-TEST-3 the host runs on the injected virtual clock")
  void virtualTime() {
    run(VirtualTimeCases.class).assertStatistics(stats -> stats.succeeded(1));
  }
}
