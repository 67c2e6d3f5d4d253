package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-REL-4: a second {@code stop()} (a second {@code close()}, the JVM's shutdown hook) while a first one
 * drains waits for it, and the first still runs to the end of its grace (R-LIFE-5 step 5).
 */
class SecondStopTest {

  private final Recorder recorder = new Recorder();
  private final CountDownLatch neverOpened = new CountDownLatch(1);

  /**
   * What the second stopper saw when its stop() returned: whether the first stop had got as far as closing
   * the main port (its last steps), and whether the grace-end actions had run.
   */
  private record SeenBySecond(boolean portsClosed, boolean requestInterrupted) {}

  private SeenBySecond seen(int mainPort) {
    return new SeenBySecond(!accepts(mainPort), recorder.saw("interrupted default/v1/0"));
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private ResidentHost.Builder builder(Duration grace) {
    return ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .version(VersionBuilder.manual("default", "v1", 1).shutdownGrace(grace).build())
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, neverOpened, null)));
  }

  @Test
  @DisplayName("R-REL-4 on virtual time: the second stop() returns only after the first, once the grace ended")
  void secondStopWaitsForTheFirst() {
    VirtualClock clock = new VirtualClock();
    ResidentHost host = builder(Duration.ofSeconds(30)).clock(clock).build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
    CompletableFuture<HttpResponse<String>> inFlight = Http.getAsync(host.instancePort("default", "v1", "0"), "/block");
    Await.until("the request runs", () -> recorder.saw("blocking default/v1/0"));

    int mainPort = host.port();
    Thread first = new Thread(host::stop, "first-stopper");
    first.start();
    Await.until("the first stop drains (the hook ran beside the request)", () -> recorder.saw("hook default/v1/0"));

    AtomicReference<SeenBySecond> seen = new AtomicReference<>();
    Thread second = new Thread(() -> {
      host.close();
      seen.set(seen(mainPort));
    }, "second-stopper");
    second.start();
    Await.until("the second stop waits or returns", () -> !second.isAlive()
        || second.getState() == Thread.State.TIMED_WAITING || second.getState() == Thread.State.WAITING);
    assertThat(seen.get()).as("the second stop() returned while the first drained").isNull();

    clock.advance(Duration.ofSeconds(30));
    Await.until("both stops returned", () -> !first.isAlive() && !second.isAlive());
    assertThat(seen.get().portsClosed()).as("the first stop had closed the ports").isTrue();
    Await.until("the request thread was interrupted", () -> recorder.saw("interrupted default/v1/0"));
    assertThat(inFlight.join().statusCode()).as("the unfinished request at the end of the grace").isEqualTo(500);
  }

  @Test
  @DisplayName("R-REL-4 on the system clock: a second stop() does not cancel the first's grace timers")
  void secondStopKeepsTheGraceTimers() {
    ResidentHost host = builder(Duration.ofMillis(500)).build();
    host.start();
    Await.until("instance 0 serves", () -> host.instanceState("default", "v1", "0") == InstanceState.SERVING);
    CompletableFuture<HttpResponse<String>> inFlight = Http.getAsync(host.instancePort("default", "v1", "0"), "/block");
    Await.until("the request runs", () -> recorder.saw("blocking default/v1/0"));

    int mainPort = host.port();
    Thread first = new Thread(host::stop, "first-stopper");
    first.start();
    Await.until("the first stop drains", () -> recorder.saw("hook default/v1/0"));
    host.stop();
    SeenBySecond seenBySecond = seen(mainPort);

    // The grace end interrupts the request thread before the instance stops; the thread itself may note
    // it an instant after stop() returned, so only the port is read at once.
    assertThat(seenBySecond.portsClosed()).as("the first stop had closed the ports").isTrue();
    Await.until("the request thread was interrupted", () -> recorder.saw("interrupted default/v1/0"));
    assertThat(inFlight.join().statusCode()).isEqualTo(500);
    Await.until("the first stopper ended", () -> !first.isAlive());
  }
}
