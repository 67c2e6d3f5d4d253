package dev.resident.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * R-PERF-4: cold starts of the launcher ({@code dev.resident.undertow.Main}), each in a new JVM, timed from
 * just before {@link ProcessBuilder#start()} to the instance table on the launcher's standard output. The
 * launcher prints that table once no instance is {@code STARTING} any more, that is once every manual
 * instance's {@code /_ah/start} has answered over the instance's own port and the instance is
 * {@code SERVING}. Every start checks that each manual row says {@code SERVING}, then sends each one a
 * {@code GET /}: reported as "answered", the table's time plus the time those requests took (leaving out
 * the bench's own wait for the table's last row); any status below 500 counts, as a private module's 403 is
 * an answer too; the bench's HTTP client is warmed first.
 *
 * <p>Beside it: the process's age by the kernel's clock ({@code /proc/PID/stat} start time, 10 ms ticks)
 * when the table arrived, the resident set ({@code VmRSS}) then, and the CPU time the launcher had used by
 * then (user + system, all its threads: less sensitive than the wall-clock figure to other work on a
 * loaded machine).
 *
 * <p>Each application runs in four JVM set-ups, interleaved start by start so that the machine's load falls
 * on all alike: the JVM's defaults; an AppCDS archive (Java 17 {@code -XX:SharedArchiveFile}, the archive
 * written by one untimed run with {@code -XX:ArchiveClassesAtExit} stopped by SIGTERM); the archive with
 * the serial collector; and that with C1 only ({@code -XX:TieredStopAtLevel=1}).
 *
 * <p>The launcher logs to a file of its own in the output directory, with this JVM's {@code org.slf4j.*}
 * and {@code org.jboss.logging.*} settings (run.sh: INFO, as a user sees it). Its class path is
 * {@code -Dbench.launcher.classpath} (this JVM's by default): jar files only, as AppCDS refuses a class
 * path with a non-empty directory.
 *
 * <p>Arguments: repetitions, an output directory, then one or more {@code NAME=MANUAL_INSTANCES=FILE,...}.
 */
public final class LauncherStart {

  /** App Engine's dev server 2.0.19, two modules and three manual instances, from issue 15: 2.8–3.6 s. */
  private static final double DEV_SERVER_FAST_MILLIS = 2800;
  private static final double DEV_SERVER_SLOW_MILLIS = 3600;
  private static final double DEV_SERVER_RSS_MB = 170;
  private static final double SPEED_UP_TARGET = 5;
  private static final long START_BOUND_SECONDS = 60;
  private static final String TABLE_HEADER = "Resident is listening on ";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private record Setup(String name, List<String> flags, boolean cds) {}

  private record App(String name, int manual, List<Path> files) {}

  private record Start(double millis, double processAgeMillis, double answeredMillis, double rssMb, double cpuMillis,
      int serving) {}

  private LauncherStart() {}

  public static void main(String[] args) throws Exception {
    int repetitions = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    List<App> apps = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] parts = args[i].split("=", 3);
      apps.add(new App(parts[0], Integer.parseInt(parts[1]),
          Arrays.stream(parts[2].split(",")).map(Path::of).toList()));
    }
    warmClient();
    for (App app : apps) {
      Path archive = out.resolve(app.name() + ".jsa");
      List<Setup> setups = List.of(
          new Setup("JVM defaults", List.of(), false),
          new Setup("AppCDS", List.of("-XX:SharedArchiveFile=" + archive), true),
          new Setup("AppCDS, serial GC", List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC"), true),
          new Setup("AppCDS, serial GC, C1 only", List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1"), true));
      System.out.printf("  %s: %s, %d manual instances; %d cold starts per set-up, interleaved%n", app.name(),
          String.join(" ", app.files().stream().map(f -> f.getFileName().toString()).toList()), app.manual(),
          repetitions);
      writeArchive(app, archive, out);
      Map<Setup, List<Start>> starts = new LinkedHashMap<>();
      setups.forEach(s -> starts.put(s, new ArrayList<>()));
      for (int rep = 0; rep < repetitions; rep++) {
        for (Setup setup : setups) {
          starts.get(setup).add(start(app, setup.flags(), out.resolve(app.name() + "-" + rep + "-"
              + setup.name().replaceAll("[^A-Za-z0-9]+", "_") + ".log")));
        }
      }
      for (Map.Entry<Setup, List<Start>> entry : starts.entrySet()) {
        report(entry.getKey(), entry.getValue());
      }
    }
  }

  /** Sends a few requests to a server in this JVM, so that the client's first use costs no start in the figures. */
  private static void warmClient() throws IOException, InterruptedException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      for (int i = 0; i < 20; i++) {
        CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
            .build(), HttpResponse.BodyHandlers.discarding());
      }
    } finally {
      server.stop(0);
    }
  }

  private static void report(Setup setup, List<Start> starts) {
    Figures millis = new Figures(starts.stream().mapToDouble(Start::millis).toArray());
    Figures age = new Figures(starts.stream().mapToDouble(Start::processAgeMillis).toArray());
    Figures answered = new Figures(starts.stream().mapToDouble(Start::answeredMillis).toArray());
    Figures rss = new Figures(starts.stream().mapToDouble(Start::rssMb).toArray());
    Figures cpu = new Figures(starts.stream().mapToDouble(Start::cpuMillis).toArray());
    double median = millis.median();
    System.out.printf("    %-27s to serving %s ms (process age %s ms; every instance answered GET / at %s ms);"
            + " RSS %s MB; CPU used by then %s ms%n", setup.name(), millis.range("%.0f"), age.range("%.0f"),
        answered.range("%.0f"), rss.range("%.0f"), cpu.range("%.0f"));
    System.out.println(Figures.format("    %-27s vs dev server 2.8–3.6 s: %.1f–%.1f× faster, RSS %.2f× of 170 MB;"
            + " target ≥ %.0f× (≤ %.0f ms): %s", "", DEV_SERVER_FAST_MILLIS / median,
        DEV_SERVER_SLOW_MILLIS / median, rss.median() / DEV_SERVER_RSS_MB, SPEED_UP_TARGET,
        DEV_SERVER_FAST_MILLIS / SPEED_UP_TARGET,
        Figures.verdict(median * SPEED_UP_TARGET <= DEV_SERVER_FAST_MILLIS)));
  }

  /** One untimed start with {@code -XX:ArchiveClassesAtExit}, stopped by SIGTERM: the JVM writes it as it exits. */
  private static void writeArchive(App app, Path archive, Path out) throws IOException {
    Files.deleteIfExists(archive);
    start(app, List.of("-XX:ArchiveClassesAtExit=" + archive), out.resolve(app.name() + "-archive.log"));
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("The JVM wrote no archive " + archive + "; see " + out);
    }
    System.out.printf("    AppCDS archive %s: %.1f MB%n", archive.getFileName(), Files.size(archive) / 1048576.0);
  }

  private static Start start(App app, List<String> flags, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-cp");
    command.add(System.getProperty("bench.launcher.classpath", System.getProperty("java.class.path")));
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("org.jboss.logging.") || name.startsWith("org.slf4j."))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("dev.resident.undertow.Main");
    command.add("--port=0");
    app.files().forEach(file -> command.add(file.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    long begin = System.nanoTime();
    Process process = builder.start();
    try {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> read(process, lines), "launcher-stdout");
      reader.setDaemon(true);
      reader.start();
      String header = next(lines, START_BOUND_SECONDS * 1000, log);
      while (!header.startsWith(TABLE_HEADER)) {
        header = next(lines, START_BOUND_SECONDS * 1000, log);
      }
      long tabled = System.nanoTime();
      String[] stat = stat(process.pid());
      double age = processAgeMillis(stat);
      double cpu = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10.0; // utime + stime, 10 ms ticks
      double rss = rssMb(process.pid());
      if (header.contains("still starting")) {
        throw new IllegalStateException("Instances still starting: " + header);
      }
      next(lines, 5000, log); // the column headings
      List<String> urls = new ArrayList<>();
      for (String row; (row = lines.poll(300, TimeUnit.MILLISECONDS)) != null; ) {
        String[] cells = row.trim().split("\\s+");
        if (cells[3].equals("SERVING")) {
          urls.add(cells[4]);
        }
      }
      if (urls.size() < app.manual()) {
        throw new IllegalStateException(app.name() + ": " + urls.size() + " instances SERVING, expected at least "
            + app.manual() + "; see " + log);
      }
      long asking = System.nanoTime(); // the wait above for the table's last row is the bench's, not the launcher's
      for (String url : urls) {
        int status = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 500) { // 200 or 404 from the app, 403 from a private module (memdb): all served
          throw new IllegalStateException(url + " answered " + status + "; see " + log);
        }
      }
      long answered = System.nanoTime();
      return new Start((tabled - begin) / 1e6, age, (tabled - begin + answered - asking) / 1e6, rss, cpu,
          urls.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } finally {
      process.destroy(); // SIGTERM: the launcher stops its instances gracefully and exits
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void read(Process process, BlockingQueue<String> lines) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("error=" + e);
    }
    lines.add("error=launcher-exited");
  }

  private static String next(BlockingQueue<String> lines, long boundMillis, Path log) throws InterruptedException {
    String line = lines.poll(boundMillis, TimeUnit.MILLISECONDS);
    if (line == null || line.startsWith("error=")) {
      throw new IllegalStateException("The launcher printed no instance table (" + line + "); see " + log);
    }
    return line;
  }

  /** The fields of {@code /proc/PID/stat} after the command's name: element 0 is field 3 of proc(5). */
  private static String[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process's age by the kernel's clock: now ({@code /proc/uptime}) less its start (stat field 22). */
  private static double processAgeMillis(String[] fields) {
    try {
      long startTicks = Long.parseLong(fields[19]);
      double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
      return (uptimeSeconds - startTicks / 100.0) * 1000; // USER_HZ is 100 on Linux
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("No VmRSS for " + pid);
  }
}
