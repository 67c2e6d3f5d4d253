package dev.resident.undertow.admin;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The application of the operations tests: {@code default/v1} automatic, {@code worker/v1} manual with two
 * instances, {@code batch/v1} basic with up to two; every module answers {@code /hello}, and {@code /hold}
 * waits (bounded) until {@link #release()}.
 */
final class Fixture {

  private static volatile CountDownLatch hold = new CountDownLatch(1);

  /** Answers {@code hello} or holds the request. */
  public static final class HelloServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getRequestURI().equals("/hold") || req.getRequestURI().equals("/slow-start")) {
        try {
          hold.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      resp.setContentType("text/plain");
      resp.getWriter().print("hello");
    }
  }

  private Fixture() {}

  /** Makes {@code /hold} wait again, until the next {@link #release()}. */
  static void armHold() {
    hold = new CountDownLatch(1);
  }

  static ResidentHost.Builder builder() {
    armHold();
    return ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.manual("worker", "v1", 2).shutdownGrace(Duration.ofSeconds(5)).build())
        .version(VersionBuilder.basic("batch", "v1", 2).shutdownGrace(Duration.ofSeconds(5)).build())
        .handlers("default", h -> h.servlet("/*", HelloServlet.class))
        .handlers("worker", h -> h.servlet("/*", HelloServlet.class))
        .handlers("batch", h -> h.servlet("/*", HelloServlet.class));
  }

  /** Adds {@code loader/v1}: one manual instance whose start request holds until {@link #release()}. */
  static ResidentHost.Builder withSlowStart(ResidentHost.Builder builder) {
    return builder
        .version(VersionBuilder.manual("loader", "v1", 1).startHandler("/slow-start")
            .instanceClass(dev.resident.undertow.config.InstanceClass.B4).shutdownGrace(Duration.ofSeconds(5)).build())
        .handlers("loader", h -> h.servlet("/*", HelloServlet.class));
  }

  static void release() {
    hold.countDown();
  }

  static void awaitWorkers(ResidentHost host, int count) {
    Api.until(count + " worker instances serve", () -> {
      for (int i = 0; i < count; i++) {
        if (host.instanceState("worker", "v1", Integer.toString(i)) != InstanceState.SERVING) {
          return false;
        }
      }
      return true;
    });
  }
}
