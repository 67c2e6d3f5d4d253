package dev.resident.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.resident.undertow.launcher.LauncherTestServlet;
import dev.resident.undertow.security.InternalSecret;
import dev.resident.undertow.security.RequestSignatures;
import dev.resident.undertow.time.HostClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher as a real process, as a user would, on the backends of seed 001. */
class MainProcessTest {

  private static final Duration START_BOUND = Duration.ofSeconds(60);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
  private static final Duration RUN_BOUND = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** Shared with the launcher through resident.internal_secret_file, so that this process signs (R-SEC-3). */
  private static final String SECRET = "4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c";

  @TempDir
  Path dir;

  @BeforeEach
  void writeApplication() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), """
        application: launcher-test
        version: v1
        threadsafe: true
        handlers:
        - url: /*
          servlet: %s
        resident:
          internal_secret_file: internal-secret.txt
        """.formatted(LauncherTestServlet.class.getName()));
    Files.writeString(dir.resolve("internal-secret.txt"), SECRET + "\n");
    Files.writeString(dir.resolve("backends.yaml"), """
        - name: memdb
          class: B8
          instances: 5
        - name: crawler
          instances: 10
        - name: worker
          options: failfast
        - name: cmdline
          options: dynamic
        """);
  }

  @Test
  @DisplayName("R-HOST-2, R-LIFE-1, R-LIFE-4, R-LIFE-5: the launcher serves seed 001's backends, prints them, "
      + "and on SIGTERM runs every shutdown hook once and exits 0")
  void servesBackendsAndStopsOnSigterm() throws IOException, InterruptedException {
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--port", "0", "app.yaml", "backends.yaml")) {
      List<String> stdout = launcher.awaitLine("cmdline row", line -> line.startsWith("cmdline "), START_BOUND);

      assertThat(stdout.get(0)).matches("Resident is listening on http://127\\.0\\.0\\.1:[1-9][0-9]*/");
      assertThat(stdout.get(1).split(" +")).containsExactly("MODULE", "VERSION", "INSTANCE", "STATE", "URL");
      List<Row> rows = stdout.subList(2, stdout.size()).stream().map(Row::parse).toList();
      List<String> manual = manualInstances();
      assertThat(rows).filteredOn(row -> manual.contains(row.name()))
          .extracting(Row::name, Row::version, Row::state)
          .containsExactlyElementsOf(manual.stream()
              .map(name -> tuple(name, "v1", "SERVING")).toList());
      assertThat(rows).filteredOn(row -> row.module().equals("cmdline"))
          .extracting(Row::name, Row::state)
          .containsExactly(tuple("cmdline/0", "STOPPED"));
      assertThat(rows).filteredOn(row -> row.module().equals("default"))
          .extracting(Row::instance, Row::state)
          .containsExactly(tuple("-", "STOPPED"));
      assertThat(rows).hasSize(18);
      assertThat(rows).extracting(Row::url).doesNotHaveDuplicates()
          .allMatch(url -> url.matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/"));

      RequestSignatures signatures = new RequestSignatures(InternalSecret.parse(SECRET, "test"), WALL_CLOCK, 100);
      for (Row row : rows) {
        if (!row.module().equals("default")) {
          assertThat(get(row.url()).statusCode()).as("private backend " + row.name() + ", external (R-SEC-2)").isEqualTo(403);
        }
        HttpResponse<String> response = row.module().equals("default") ? get(row.url()) : signedGet(signatures, row.url());
        assertThat(response.statusCode()).as(row.url() + " of " + row.name()).isEqualTo(200);
        assertThat(response.body()).startsWith(row.module() + "/v1/");
        if (!row.instance().equals("-")) {
          assertThat(response.body()).isEqualTo(row.module() + "/v1/" + row.instance());
        }
      }

      launcher.sigterm();
      assertThat(launcher.awaitExit(SHUTDOWN_GRACE)).as("exit status after SIGTERM").isZero();

      Map<String, Long> hooks = launcher.stdout().stream()
          .filter(line -> line.startsWith("HOOK "))
          .map(line -> line.substring("HOOK ".length()))
          .map(name -> name.startsWith("default/") ? "default/*" : name)
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      Map<String, Long> once = Stream.concat(manual.stream(), Stream.of("cmdline/0", "default/*"))
          .collect(Collectors.toMap(Function.identity(), name -> 1L));
      assertThat(hooks).as("shutdown hooks run, per instance").isEqualTo(once);
      assertThat(launcher.stderr()).contains("SIGTERM: stopping every instance gracefully");
    }
  }

  @Test
  @DisplayName("R-HOST-2, R-CFG-5: --check on valid files starts nothing, reports and exits 0")
  void checkValid() {
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--check", "app.yaml", "backends.yaml")) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isZero();
      assertThat(launcher.stdout()).containsExactly("Checked 2 files: no errors, 0 warnings");
      assertThat(launcher.stderr()).doesNotContain("listening");
    }
  }

  @Test
  @DisplayName("R-HOST-2, R-CFG-5: --check prints every error and warning with file:line:col and exits 1")
  void checkErrors() throws IOException {
    Files.writeString(dir.resolve("worker.yaml"), """
        module: worker
        version: v1
        manual_scaling:
          instnaces: 3
        threadsafe: maybe
        libraries: []
        """);

    try (LauncherProcess launcher =
        LauncherProcess.start(dir, "--check", "app.yaml", "worker.yaml", "missing.yaml")) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isEqualTo(1);
      assertThat(launcher.stdout()).containsExactly(
          "worker.yaml:4:3: unknown key manual_scaling.instnaces; did you mean instances?",
          "worker.yaml:4:3: manual_scaling.instances must be an integer from 1 to 200, found nothing",
          "worker.yaml:5:13: threadsafe must be true or false, found \"maybe\"",
          "worker.yaml:6:1: warning: libraries is accepted for App Engine compatibility and ignored",
          "missing.yaml: cannot read the file: NoSuchFileException missing.yaml",
          "Checked 3 files: 4 errors, 1 warning");
    }
  }

  @Test
  @DisplayName("R-WAR-1, R-HOST-2: --check takes an EAR directory (seed 002's) and a WAR directory, with their errors")
  void checkEarAndWar() throws Exception {
    Path ear = Path.of(MainProcessTest.class.getResource("/war/my-application").toURI());
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--check", ear.toString())) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isZero();
      assertThat(launcher.stdout()).containsExactly("Checked 1 file: no errors, 0 warnings");
    }
    Files.createDirectories(dir.resolve("war/WEB-INF"));
    Files.writeString(dir.resolve("war/WEB-INF/appengine-web.xml"), """
        <appengine-web-app xmlns="http://appengine.google.com/ns/1.0">
          <version>v1</version>
          <manual-scaling><instances>five</instances></manual-scaling>
        </appengine-web-app>
        """);
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--check", "war")) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isEqualTo(1);
      assertThat(launcher.stdout()).containsExactly(
          "war/WEB-INF/appengine-web.xml:3:30: manual-scaling.instances must be an integer from 1 to 200,"
              + " found \"five\"",
          "Checked 1 file: 1 error, 0 warnings");
    }
  }

  @Test
  @DisplayName("R-SEC-1, R-SEC-2: --check reports rules the host could not enforce (fail closed) and exits 1")
  void checkUnenforceable() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), """
        version: v1
        handlers:
        - url: /me/*
          servlet: a.B
          login: required
        - url: /pay/*
          servlet: a.C
          secure: always
        """);
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--check", "app.yaml")) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isEqualTo(1);
      assertThat(launcher.stdout()).hasSize(3);
      assertThat(launcher.stdout().get(0)).startsWith("app.yaml:3:3: default/v1 /me/* asks for login: required");
      assertThat(launcher.stdout().get(1)).startsWith("app.yaml:6:3: default/v1 /pay/* asks for secure: always");
      assertThat(launcher.stdout().get(2)).isEqualTo("Checked 1 file: 2 errors, 0 warnings");
    }
  }

  @Test
  @DisplayName("R-HOST-2, R-CFG-5: without --check, a configuration error prints every problem to stderr "
      + "and exits 1 without starting")
  void configErrorExits1() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), "application: x\nversion: v1\nthreadsafe: maybe\n");

    try (LauncherProcess launcher = LauncherProcess.start(dir, "--port", "0", "app.yaml", "backends.yaml")) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isEqualTo(1);
      assertThat(launcher.stdout()).isEmpty();
      assertThat(launcher.stderr()).contains("app.yaml:3:13: ").doesNotContain("listening");
    }
  }

  @Test
  @DisplayName("R-HOST-2: a wrong command line says what is wrong and exits 2")
  void usageErrorExits2() {
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--port", "http", "app.yaml")) {
      assertThat(launcher.awaitExit(RUN_BOUND)).isEqualTo(2);
      assertThat(launcher.stdout()).isEmpty();
      assertThat(launcher.stderr())
          .startsWith("Error: --port must be an integer from 0 to 65535, found \"http\"\nUsage: java -cp");
    }
  }

  private static List<String> manualInstances() {
    List<String> names = new ArrayList<>();
    IntStream.range(0, 5).forEach(i -> names.add("memdb/" + i));
    IntStream.range(0, 10).forEach(i -> names.add("crawler/" + i));
    names.add("worker/0");
    return names;
  }

  private static final HostClock WALL_CLOCK = new HostClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.now();
    }

    @Override
    public HostClock.Cancellable schedule(Duration delay, Runnable task) {
      throw new UnsupportedOperationException("not used by signatures");
    }
  };

  private static HttpResponse<String> signedGet(RequestSignatures signatures, String url)
      throws IOException, InterruptedException {
    URI uri = URI.create(url);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .header(dev.resident.api.InternalRequests.HEADER_NAME, signatures.sign("GET", uri)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** One row of the launcher's table. */
  private record Row(String module, String version, String instance, String state, String url) {
    static Row parse(String line) {
      String[] cells = line.trim().split(" +");
      assertThat(cells).as("table row %s", line).hasSize(5);
      return new Row(cells[0], cells[1], cells[2], cells[3], cells[4]);
    }

    String name() {
      return module + "/" + instance;
    }
  }
}
