package dev.resident.examples.backends;

import dev.resident.api.InternalRequests;
import dev.resident.testing.ResidentClient;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The demo application on a test host: the wiring of {@link BackendsApp}, with memdb's checkpoints in a fresh
 * directory, the instances' events recorded, a crawl every 100 ms, and a cmdline job of the test's length.
 */
final class DemoFixture {

  /** How long a test waits for something the host does on its own before it fails. */
  static final Duration BOUND = Duration.ofSeconds(20);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Path checkpoints;
  final List<String> events = new CopyOnWriteArrayList<>();

  private DemoFixture(Path checkpoints) {
    this.checkpoints = checkpoints;
  }

  /**
   * Adds the demo application to a test host's builder.
   *
   * @param host the builder, from a {@code @ResidentSetup} method
   * @param root a directory of the test's, under which each host gets a fresh checkpoint directory
   * @param jobSteps how many steps cmdline's job has
   * @param jobStep how long each takes
   * @return the fixture of that host
   */
  static DemoFixture configure(ResidentHost.Builder host, Path root, int jobSteps, Duration jobStep) {
    try {
      DemoFixture fixture = new DemoFixture(Files.createTempDirectory(root, "checkpoints"));
      BackendsApp.configure(host, new BackendsApp.Settings(
          fixture.checkpoints, Duration.ofMillis(100), jobSteps, jobStep, fixture.events::add));
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkpoint file of a memdb instance. */
  Path checkpoint(String instance) {
    return checkpoints.resolve("memdb-" + instance + ".properties");
  }

  /** The events that start with a prefix, such as {@code "crawler/3 "}. */
  List<String> events(String prefix) {
    return events.stream().filter(event -> event.startsWith(prefix)).toList();
  }

  /** Waits until the instances {@code 0..count-1} of a module serve, or fails after {@link #BOUND}. */
  static void awaitServing(ResidentHost host, String module, int count) {
    for (int i = 0; i < count; i++) {
      String instance = Integer.toString(i);
      await(module + "/" + instance + " serving",
          () -> host.instanceState(module, null, instance) == InstanceState.SERVING);
    }
  }

  /** Waits until a condition holds, or fails after {@link #BOUND}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Waited " + BOUND + " for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  /**
   * Sends a PUT with a text body; {@link ResidentClient} sends GET and POST only. Signed as an internal
   * request with {@link InternalRequests}, which a test thread may do while one host runs (memdb is
   * private, R-SEC-2).
   */
  static HttpResponse<String> put(ResidentClient.Target target, String path, String body) {
    URI uri = target.uri(path);
    return send(InternalRequests.sign(HttpRequest.newBuilder(uri), "PUT", uri)
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends a DELETE, signed as {@link #put} is. */
  static HttpResponse<String> delete(ResidentClient.Target target, String path) {
    URI uri = target.uri(path);
    return send(InternalRequests.sign(HttpRequest.newBuilder(uri), "DELETE", uri).DELETE());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
