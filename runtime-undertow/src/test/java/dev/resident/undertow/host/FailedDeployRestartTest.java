package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.spec.ServletContextImpl;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-LIFE-2, R-REL-1: a manual instance whose deployment fails (a context listener throws) is restarted
 * with its backoff; each failed run leaves no deployment in the host's servlet container, and the
 * listener that did initialise is destroyed each time.
 */
class FailedDeployRestartTest {

  private static final AtomicReference<ServletContainer> CONTAINER = new AtomicReference<>();
  private static final AtomicInteger INITIALISED = new AtomicInteger();
  private static final AtomicInteger DESTROYED = new AtomicInteger();
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Initialises, and keeps the servlet container its deployment is in. */
  public static class Initialises implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
      CONTAINER.set(((ServletContextImpl) sce.getServletContext()).getDeployment().getServletContainer());
      INITIALISED.incrementAndGet();
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
      DESTROYED.incrementAndGet();
    }
  }

  /** Throws while failures are left. */
  public static class Throws implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
      if (FAILURES_LEFT.getAndDecrement() > 0) {
        throw new IllegalStateException("listener fails on purpose");
      }
    }
  }

  @Test
  @DisplayName("R-REL-1 failed deployments, restarted with backoff, keep the container's deployments at none")
  void failedDeploymentsLeaveNothing() {
    FAILURES_LEFT.set(4);
    VirtualClock clock = new VirtualClock();
    try (ResidentHost host = TestHosts.builder(clock)
        .version(VersionBuilder.manual("default", "v1", 1).build())
        .handlers("default", h -> h.listener(Initialises.class).listener(Throws.class))
        .build()) {
      host.start();
      Duration backoff = Duration.ofSeconds(1);
      for (int failure = 1; failure <= 4; failure++) {
        Duration next = backoff;
        Await.until("restart " + failure + " is scheduled", () -> clock.pendingDelays().contains(next));
        assertThat(CONTAINER.get().listDeployments()).as("deployments after failure " + failure).isEmpty();
        assertThat(DESTROYED.get()).as("destroyed after failure " + failure).isEqualTo(INITIALISED.get());
        clock.advance(backoff);
        backoff = backoff.multipliedBy(2);
      }
      Await.until("the fifth run serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
      assertThat(CONTAINER.get().listDeployments()).hasSize(1);
      assertThat(INITIALISED.get()).isEqualTo(5);
      assertThat(DESTROYED.get()).isEqualTo(4);
    }
    assertThat(CONTAINER.get().listDeployments()).as("after the host stopped").isEmpty();
    assertThat(DESTROYED.get()).isEqualTo(5);
  }
}
