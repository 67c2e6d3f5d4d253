package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-REL-4: a host whose {@code start()} fails gives back every thread and port it took, reports the first
 * cause, and may be closed after without harm.
 */
class HostStartFailureTest {

  private static final Duration THREADS_END = Duration.ofSeconds(10);

  private final ThreadBaseline baseline = ThreadBaseline.take();

  @Test
  @DisplayName("R-REL-4 main port busy: start() names the port and the BindException, and leaves no thread or port")
  void busyMainPort() throws IOException {
    int versionPort = freePort();
    int instancePort = freePort();
    try (ServerSocket busy = occupy()) {
      ResidentHost host = ResidentHost.builder().port(busy.getLocalPort()).stopOnJvmShutdown(false)
          .version(VersionBuilder.manual("default", "v1", 1).port(versionPort).instancePorts(instancePort).build())
          .build();

      Throwable failure = catchThrowable(host::start);

      assertNamesBusyPort(failure, busy.getLocalPort());
      baseline.awaitNoNewThreads(THREADS_END);
      assertThat(canBind(versionPort)).as("the version port opened before the failure is free").isTrue();
      assertThat(canBind(instancePort)).as("the instance port opened before the failure is free").isTrue();
    }
  }

  @Test
  @DisplayName("R-REL-4 stop() and close() after a failed start() do nothing and throw nothing")
  void closeAfterFailedStart() throws IOException {
    try (ServerSocket busy = occupy()) {
      ResidentHost host = ResidentHost.builder().port(busy.getLocalPort()).stopOnJvmShutdown(false)
          .version(VersionBuilder.manual("default", "v1", 1).build())
          .build();
      assertNamesBusyPort(catchThrowable(host::start), busy.getLocalPort());

      assertThatCode(host::stop).doesNotThrowAnyException();
      assertThatCode(host::close).doesNotThrowAnyException();
      baseline.awaitNoNewThreads(THREADS_END);
    }
  }

  @Test
  @DisplayName("R-REL-4 an instance port busy: the ports opened before it are closed again, no thread is left")
  void busyInstancePort() throws IOException {
    int versionPort = freePort();
    try (ServerSocket busy = occupy()) {
      ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
          .version(VersionBuilder.automatic("default", "v1").port(versionPort).build())
          .version(VersionBuilder.manual("worker", "v1", 1).instancePorts(busy.getLocalPort()).build())
          .build();

      Throwable failure = catchThrowable(host::start);

      assertNamesBusyPort(failure, busy.getLocalPort());
      baseline.awaitNoNewThreads(THREADS_END);
      assertThat(canBind(versionPort)).as("the default version's port is free").isTrue();
      assertThatCode(host::close).doesNotThrowAnyException();
    }
  }

  @Test
  @DisplayName("R-REL-4 a bad deployment (a yaml servlet class that does not exist): its error, no thread left")
  void badDeployment() {
    ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .config("app.yaml", """
            version: v1
            manual_scaling:
              instances: 1
            handlers:
              - url: /x
                servlet: dev.resident.undertow.host.NoSuchServlet
            """)
        .build();

    Throwable failure = catchThrowable(host::start);

    assertThat(failure).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dev.resident.undertow.host.NoSuchServlet");
    baseline.awaitNoNewThreads(THREADS_END);
    assertThatCode(host::close).doesNotThrowAnyException();
  }

  private static void assertNamesBusyPort(Throwable failure, int port) {
    assertThat(failure).as("start() fails").isNotNull();
    assertThat(failure).isInstanceOf(UncheckedIOException.class).hasMessageContaining(":" + port);
    assertThat(causes(failure)).anyMatch(BindException.class::isInstance);
    assertThat(failure.getSuppressed()).as("cleanup failures").isEmpty();
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static ServerSocket occupy() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = occupy()) {
      return socket.getLocalPort();
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
