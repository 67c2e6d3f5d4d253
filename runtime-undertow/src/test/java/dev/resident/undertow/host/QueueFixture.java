package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.RuntimeStats;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * A started host whose one instance, {@code default/v1/0}, serves a {@link WaitingServlet}: the admission
 * tests fill its slots and its pending queue and watch its figures.
 */
final class QueueFixture implements AutoCloseable {

  final WaitingServlet servlet = new WaitingServlet();
  final ResidentHost host;

  private QueueFixture(ResidentHost.Builder builder, VersionBuilder version) {
    host = builder.version(version.build())
        .handlers("default", h -> h.servlet("/*", WaitingServlet.class, () -> servlet))
        .build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
  }

  /** A manual version of one instance with one slot. */
  static VersionBuilder oneSlot() {
    return VersionBuilder.manual("default", "v1", 1).maxConcurrentRequests(1);
  }

  static QueueFixture start(VirtualClock clock, VersionBuilder version) {
    return new QueueFixture(TestHosts.builder(clock), version);
  }

  /** A host on the system clock: pending timeouts happen in real time. */
  static QueueFixture startOnSystemClock(VersionBuilder version) {
    return new QueueFixture(ResidentHost.builder().port(0).stopOnJvmShutdown(false), version);
  }

  int port() {
    return host.instancePort("default", "v1", "0");
  }

  RuntimeStats stats() {
    return host.stats("default", "v1", "0");
  }

  long rejected(String reason) {
    return stats().getRejections().get(reason);
  }

  void awaitPending(int count) {
    Await.until(count + " requests wait", () -> stats().getRequestsPending() == count);
  }

  void awaitIdle() {
    Await.until("no request active or waiting",
        () -> stats().getRequestsActive() == 0 && stats().getRequestsPending() == 0);
  }

  /** Sends {@code /block} and returns once the servlet holds it, so that it holds a slot until the gate opens. */
  CompletableFuture<HttpResponse<String>> occupy() {
    long before = servlet.served.stream().filter("/block"::equals).count();
    CompletableFuture<HttpResponse<String>> blocked = Http.getAsync(port(), "/block");
    Await.until("the servlet holds /block",
        () -> servlet.served.stream().filter("/block"::equals).count() > before);
    return blocked;
  }

  /** Lets the request of {@link #occupy()} finish, and checks that it was served. */
  void release(CompletableFuture<HttpResponse<String>> blocker) {
    servlet.gate.release();
    assertThat(blocker.join().statusCode()).as("the request that held the slot").isEqualTo(200);
  }

  /** Opens the gate for everything still blocked, then stops the host. */
  @Override
  public void close() {
    servlet.gate.release(100_000);
    host.close();
  }
}
