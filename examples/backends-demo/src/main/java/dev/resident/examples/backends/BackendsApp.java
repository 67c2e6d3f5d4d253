package dev.resident.examples.backends;

import dev.resident.undertow.ResidentHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The demo application: {@code app.yaml} and {@code backends.yaml} from the class path, and each module's
 * servlets. {@link BackendsDemo} runs it; the tests start the same application on their own hosts.
 */
public final class BackendsApp {

  /** The application's yaml files, class-path resources, the default module's first. */
  static final String[] CONFIG = {"app.yaml", "backends.yaml"};

  private BackendsApp() {}

  /**
   * What the servlets are given.
   *
   * @param checkpoints the directory of memdb's checkpoint files
   * @param crawlInterval the time between two fetches of a crawler
   * @param jobSteps how many steps cmdline's job has
   * @param jobStep how long one step of cmdline's job takes
   * @param events where instances report their lifecycle: starts, checkpoints, jobs, stops
   */
  public record Settings(Path checkpoints, Duration crawlInterval, int jobSteps, Duration jobStep,
      Consumer<String> events) {

    /** Checks every setting. */
    public Settings {
      Objects.requireNonNull(checkpoints, "checkpoints");
      Objects.requireNonNull(crawlInterval, "crawlInterval");
      Objects.requireNonNull(jobStep, "jobStep");
      Objects.requireNonNull(events, "events");
      if (jobSteps < 1) {
        throw new IllegalArgumentException("jobSteps must be 1 or more, found " + jobSteps);
      }
    }

    /**
     * Returns the demo's settings: checkpoints in the directory named by the system property
     * {@code memdb.checkpoints}, else the environment variable {@code MEMDB_CHECKPOINTS}, else
     * {@code target/memdb-checkpoints}; a crawl every 2 s; a job of 5 steps of 1 s; events to the log.
     *
     * @return the settings
     */
    public static Settings standard() {
      String directory = System.getProperty("memdb.checkpoints", System.getenv("MEMDB_CHECKPOINTS"));
      return new Settings(Path.of(directory != null ? directory : "target/memdb-checkpoints").toAbsolutePath(),
          Duration.ofSeconds(2), 5, Duration.ofSeconds(1), LoggerFactory.getLogger(BackendsApp.class)::info);
    }
  }

  /**
   * Adds the application to a host builder: its yaml files and the servlets of every module.
   *
   * @param host the builder
   * @param settings what the servlets are given
   * @return the builder
   */
  public static ResidentHost.Builder configure(ResidentHost.Builder host, Settings settings) {
    for (String file : CONFIG) {
      host.config(file, resource(file));
    }
    Consumer<String> events = settings.events();
    return host
        .handlers("default", h -> h.servlet("/", IndexServlet.class).servlet("/memdb/*", MemdbFrontServlet.class))
        .handlers("memdb", h -> h.servlet("/*", MemdbServlet.class,
            () -> new MemdbServlet(settings.checkpoints(), events)))
        .handlers("crawler", h -> h.servlet("/*", CrawlerServlet.class,
            () -> new CrawlerServlet(settings.crawlInterval(), events)))
        .handlers("worker", h -> h.servlet("/*", WorkerServlet.class))
        .handlers("cmdline", h -> h.servlet("/*", CmdlineServlet.class,
            () -> new CmdlineServlet(settings.jobSteps(), settings.jobStep(), events)));
  }

  private static String resource(String name) {
    try (InputStream in = BackendsApp.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
