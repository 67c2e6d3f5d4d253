package dev.resident.examples.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.resident.api.modules.ModulesService;
import dev.resident.testing.BoundEnvironment;
import dev.resident.testing.ResidentEnvironment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The converted servlet, loaded from the WAR's classes, as a plain object on a bound environment: no host, no
 * HTTP.
 */
@ResidentEnvironment(application = "tally", module = "tally", instance = "1", instances = 2)
class TallyServletEnvironmentTest {

  @Test
  @DisplayName("R-TEST-2 R-LIFE-5 R-API-1 a simulated shutdown runs the hook the start registered: it flushes the counts not flushed yet")
  void shutdownFlushes(BoundEnvironment environment) throws Exception {
    try (ConvertedApp.Tally servlet = new ConvertedApp.Tally(TimeUnit.HOURS.toMillis(1));
        LogRecords log = new LogRecords()) {
      servlet.start();
      servlet.count("signup");
      servlet.count("signup");
      servlet.count("login");
      assertThat(log.messages()).as("nothing flushed before the hour").isEmpty();

      environment.shutdown();

      assertThat(log.messages()).contains("tally/1 flushed {login=1, signup=2} (shutdown)");
    }
  }

  @Test
  @DisplayName("R-TEST-2 R-BG-3 the flusher is a background thread that sees isShuttingDown and ends by itself, before the grace ends")
  void flusherEndsOnShutdown(BoundEnvironment environment) throws Exception {
    try (ConvertedApp.Tally servlet = new ConvertedApp.Tally(TimeUnit.HOURS.toMillis(1))) {
      servlet.start();
      assertThat(environment.backgroundThreads()).isEqualTo(1);

      environment.shutdown();

      // The virtual clock does not move, so the grace never ends and nothing interrupts the thread.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (environment.backgroundThreads() > 0 && System.nanoTime() - deadline < 0) {
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      assertThat(environment.backgroundThreads()).isZero();
    }
  }

  @Test
  @DisplayName("R-TEST-2 R-API-3 the report names this instance and every instance's hostname through ModulesService, here a mock")
  void reportUsesModulesService(BoundEnvironment environment) throws Exception {
    ModulesService modules = mock(ModulesService.class);
    when(modules.getCurrentModule()).thenReturn("tally");
    when(modules.getCurrentVersion()).thenReturn("v1");
    when(modules.getCurrentInstanceId()).thenReturn("1");
    when(modules.getNumInstances("tally", "v1")).thenReturn(2);
    when(modules.getInstanceHostname("tally", "v1", "0")).thenReturn("tally-0.internal:8080");
    when(modules.getInstanceHostname("tally", "v1", "1")).thenReturn("tally-1.internal:8080");
    environment.modulesService(modules);
    try (ConvertedApp.Tally servlet = new ConvertedApp.Tally(TimeUnit.HOURS.toMillis(1))) {
      assertThat(servlet.loader()).as("the converted class, not one of the tests").isNotSameAs(
          ConvertedApp.class.getClassLoader());
      servlet.count("signup");

      assertThat(servlet.report()).isEqualTo(
          "tally/1 of 2: pending {signup=1}, 0 flushes; instances: 0=tally-0.internal:8080 1=tally-1.internal:8080");
    }
  }
}
