package dev.resident.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.resident.api.DeadlineExceededException;
import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import dev.resident.api.RuntimeStats;
import dev.resident.api.ThreadManager;
import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import dev.resident.api.spi.RuntimeBinding;
import dev.resident.undertow.config.ScalingType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

@ResidentEnvironment(application = "shop", module = "worker", version = "v3", instance = "2", instances = 4,
    shutdownGraceMillis = 10_000)
class ResidentEnvironmentTest {

  /** Code under test: checkpoints on shutdown, as users write it. */
  static final class Checkpointer {
    final List<String> checkpoints = new CopyOnWriteArrayList<>();

    Checkpointer() {
      LifecycleManager.getInstance().setShutdownHook(() -> checkpoints.add("saved by "
          + Environment.current().getInstanceId() + " with " + LifecycleManager.getInstance().getRemainingShutdownTime()
          + " ms left"));
    }
  }

  @Test
  @DisplayName("R-SEC-3 R-TEST-2 code under test can sign internal requests; the environment checks them as a host would")
  void signsInternalRequests(BoundEnvironment environment) {
    java.net.URI uri = java.net.URI.create("http://localhost:8081/tasks/run?id=3");
    String signature = dev.resident.api.InternalRequests.sign("POST", uri);
    assertThat(environment.acceptsSignature("GET", uri, signature)).as("another method").isFalse();
    assertThat(environment.acceptsSignature("POST", uri, signature)).isTrue();
    assertThat(environment.acceptsSignature("POST", uri, signature)).as("used once").isFalse();
  }

  @Test
  @DisplayName("R-TEST-2 the test thread sees the bound module, version and instance")
  void environmentIsBound() {
    Environment env = Environment.current();
    assertThat(env.getAppId()).isEqualTo("shop");
    assertThat(env.getModuleId() + "/" + env.getVersionId() + "/" + env.getInstanceId()).isEqualTo("worker/v3/2");
    assertThat(env.isBackground()).isFalse();
    assertThat(env.getRemainingMillis()).isEqualTo(Long.MAX_VALUE);
    ModulesService modules = ModulesServiceFactory.getModulesService();
    assertThat(modules.getCurrentInstanceId()).isEqualTo("2");
    assertThat(modules.getNumInstances(null, null)).isEqualTo(4);
    modules.setNumInstances("worker", "v3", 6);
    assertThat(modules.getNumInstances("worker", null)).isEqualTo(6);
    assertThatThrownBy(() -> modules.getVersions("other")).isInstanceOf(ModulesException.class)
        .hasMessage("Unknown module other; modules: [worker]");
    assertThat(modules.getInstanceHostname(null, null, "3")).isEqualTo("3.v3.worker.localhost");
  }

  @Test
  @DisplayName("R-TEST-2 a simulated shutdown runs the hook once and counts the grace down on virtual time")
  void simulatedShutdown(BoundEnvironment environment) {
    Checkpointer checkpointer = new Checkpointer();
    assertThat(LifecycleManager.getInstance().isShuttingDown()).isFalse();
    assertThat(LifecycleManager.getInstance().getRemainingShutdownTime()).isEqualTo(-1);
    environment.shutdown();
    environment.shutdown();
    assertThat(checkpointer.checkpoints).containsExactly("saved by 2 with 10000 ms left");
    assertThat(LifecycleManager.getInstance().isShuttingDown()).isTrue();
    environment.clock().advance(Duration.ofSeconds(4));
    assertThat(LifecycleManager.getInstance().getRemainingShutdownTime()).isEqualTo(6000);
  }

  @Test
  @DisplayName("R-TEST-2 background threads: bound, limited, interrupted when the grace ends")
  void backgroundThreads(BoundEnvironment environment) throws InterruptedException {
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(10);
    for (int i = 0; i < 10; i++) {
      ThreadManager.createBackgroundThread(() -> {
        seen.add(Environment.current().getInstanceId() + " background=" + Environment.current().isBackground());
        started.countDown();
        try {
          new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          seen.add("interrupted, shutting down=" + LifecycleManager.getInstance().isShuttingDown());
        }
      }).start();
    }
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> ThreadManager.createBackgroundThread(() -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("10 live background threads");
    assertThat(environment.backgroundThreads()).isEqualTo(10);

    environment.shutdown();
    environment.clock().advance(Duration.ofSeconds(9));
    assertThat(seen).noneMatch(s -> s.startsWith("interrupted"));
    environment.clock().advance(Duration.ofSeconds(1));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (environment.backgroundThreads() > 0 && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    assertThat(seen).filteredOn(s -> s.equals("interrupted, shutting down=true")).hasSize(10);
    assertThat(seen).filteredOn(s -> s.equals("2 background=true")).hasSize(10);
  }

  @Test
  @DisplayName("R-TEST-3 a deadline on virtual time makes API calls throw")
  void deadlineOnVirtualTime(BoundEnvironment environment) {
    environment.deadline(Duration.ofSeconds(60));
    assertThat(Environment.current().getRemainingMillis()).isEqualTo(60_000);
    environment.clock().advance(Duration.ofSeconds(60));
    assertThatThrownBy(() -> LifecycleManager.getInstance().isShuttingDown())
        .isInstanceOf(DeadlineExceededException.class);
    assertThat(Environment.current().getRemainingMillis()).isLessThanOrEqualTo(0);
  }

  @Test
  @DisplayName("R-TEST-2 a Mockito mock can stand in for the ModulesService")
  void mockedModulesService(BoundEnvironment environment) {
    ModulesService mocked = mock(ModulesService.class);
    when(mocked.getInstanceHostname("db", "v1", "0")).thenReturn("db.internal:5432");
    environment.modulesService(mocked);
    assertThat(ModulesServiceFactory.getModulesService().getInstanceHostname("db", "v1", "0"))
        .isEqualTo("db.internal:5432");
    verify(mocked).getInstanceHostname("db", "v1", "0");
  }

  @Test
  @DisplayName("R-TEST-2 stats answer for the bound instance")
  void stats(BoundEnvironment environment) {
    environment.clock().advance(Duration.ofMinutes(3));
    RuntimeStats stats = RuntimeStats.current();
    assertThat(stats.getUptime()).isEqualTo(Duration.ofMinutes(3));
    assertThat(stats.getMemoryLimitBytes()).isEqualTo(256L * 1024 * 1024);
  }

  @ResidentEnvironment(scaling = ScalingType.AUTOMATIC)
  static class AutomaticCases {
    @Test
    void refusesBackgroundThreads() {
      assertThatThrownBy(() -> ThreadManager.createBackgroundThread(() -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Background threads need manual or basic scaling; default/v1 uses automatic scaling");
    }
  }

  static class UnboundCases {
    @Test
    void seesNoBinding() {
      assertThat(RuntimeBinding.currentOrNull()).isNull();
    }
  }

  @Test
  @DisplayName("R-TEST-2 automatic scaling refuses background threads; nothing stays bound after a test")
  void automaticAndCleanup() throws InterruptedException {
    java.util.concurrent.atomic.AtomicReference<org.junit.platform.testkit.engine.Events> events =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread unbound = new Thread(() -> events.set(EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(AutomaticCases.class), selectClass(UnboundCases.class))
        .execute().testEvents()), "plain-test-thread");
    unbound.start();
    unbound.join(TimeUnit.SECONDS.toMillis(60));
    events.get().assertStatistics(stats -> stats.started(2).succeeded(2));
  }
}
