package dev.resident.undertow.host;

import dev.resident.undertow.ResidentHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Clients of the randomized lifecycle test (R-REL-3): at most 24 requests in flight, addressed to an instance
 * or not, for fast, slow, throwing and deaf handlers; every outcome kept.
 */
final class ChaosLoad {

  private static final String[] PATHS = {"/fast", "/fast", "/fast", "/slow", "/slow", "/throw", "/deaf"};
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /**
   * One request's end.
   *
   * @param request what was asked
   * @param status the status, 0 when none came
   * @param failure why no status came, or null
   * @param sentAtNanos when it was sent, {@link System#nanoTime()}
   */
  record Outcome(String request, int status, Throwable failure, long sentAtNanos) {}

  private final ResidentHost host;
  private final SplittableRandom random;
  private final int[] ports;
  private final Semaphore inFlight = new Semaphore(24);
  private final List<CompletableFuture<Outcome>> sent = new ArrayList<>();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long hostStoppedAtNanos;

  private ChaosLoad(ResidentHost host, SplittableRandom random) {
    this.host = host;
    this.random = random;
    this.ports = new int[] {
        host.port(), host.versionPort("default", "v1"), host.versionPort("worker", "v1"),
        host.instancePort("worker", "v1", "0"), host.versionPort("batch", "v1"),
        host.instancePort("batch", "v1", "0"), host.instancePort("batch", "v1", "1"),
        host.instancePort("batch", "v1", "2")};
    this.thread = new Thread(this::send, "chaos-load");
    this.thread.setDaemon(true);
  }

  static ChaosLoad start(ResidentHost host, SplittableRandom random) {
    ChaosLoad load = new ChaosLoad(host, random);
    load.thread.start();
    return load;
  }

  /** Sends a beginShutdown request to a random instance of the manual or basic version, or to the main port. */
  static void shutdownOne(ResidentHost host, SplittableRandom random) {
    int port = switch (random.nextInt(3)) {
      case 0 -> host.instancePort("worker", "v1", "0");
      case 1 -> host.instancePort("batch", "v1", Integer.toString(random.nextInt(3)));
      default -> host.port();
    };
    CLIENT.sendAsync(request(port, "/shutdown"), HttpResponse.BodyHandlers.discarding());
  }

  private void send() {
    while (!stopped) {
      try {
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      String path = PATHS[random.nextInt(PATHS.length)];
      int port = target();
      String what = "GET :" + port + path;
      long sentAt = System.nanoTime();
      CompletableFuture<Outcome> outcome = CLIENT.sendAsync(request(port, path), HttpResponse.BodyHandlers.discarding())
          .handle((response, failure) ->
              new Outcome(what, response == null ? 0 : response.statusCode(), failure, sentAt))
          .whenComplete((done, ignored) -> {
            outcomes.add(done);
            inFlight.release();
          });
      synchronized (sent) {
        sent.add(outcome);
      }
    }
  }

  /** The main port (the automatic default version), version ports, and instances that always exist. */
  private int target() {
    return ports[random.nextInt(ports.length)];
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build();
  }

  /** Stops the host while requests keep coming. */
  void stopHost() {
    hostStoppedAtNanos = System.nanoTime();
    host.stop();
  }

  /**
   * Tells when {@link #stopHost()} began.
   *
   * @return its {@link System#nanoTime()}, 0 if the host was not stopped under load
   */
  long hostStoppedAtNanos() {
    return hostStoppedAtNanos;
  }

  void stop() throws InterruptedException {
    stopped = true;
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }

  /**
   * Waits for every request sent to end.
   *
   * @param bound how long at most
   * @return every outcome
   */
  List<Outcome> awaitAll(Duration bound) throws Exception {
    List<CompletableFuture<Outcome>> all;
    synchronized (sent) {
      all = List.copyOf(sent);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(bound.toMillis(), TimeUnit.MILLISECONDS);
    return List.copyOf(outcomes);
  }
}
