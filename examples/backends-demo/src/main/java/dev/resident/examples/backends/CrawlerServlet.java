package dev.resident.examples.backends;

import dev.resident.api.InternalRequests;
import dev.resident.api.LifecycleManager;
import dev.resident.api.ThreadManager;
import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@code crawler} backend. Its start request starts a background thread that reads the crawl frontier
 * (the key {@value #FRONTIER} of one memdb instance) every few seconds, over plain HTTP at the address
 * {@code ModulesService.getInstanceHostname} gives, until the instance shuts down. Crawler {@code i} reads
 * memdb instance {@code i} modulo the number of memdb instances. {@code GET /status} says what it fetched.
 *
 * <p>The loop watches {@code LifecycleManager.isShuttingDown()}; the shutdown hook cuts its wait short, so
 * the thread ends at once and the instance stops without using its grace.
 */
public final class CrawlerServlet extends HttpServlet {

  /** The memdb key the crawlers read. */
  public static final String FRONTIER = "frontier";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Duration interval;
  private final Consumer<String> events;
  private final Pause pause = new Pause();
  private final AtomicLong fetches = new AtomicLong();
  private volatile String source = "nothing yet";
  private volatile String last = "nothing yet";

  /**
   * @param interval the time between two fetches
   * @param events where the instance reports the end of its background thread
   */
  public CrawlerServlet(Duration interval, Consumer<String> events) {
    this.interval = interval;
    this.events = events;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    switch (Texts.path(request)) {
      case "/_ah/start" -> start(response);
      case "/", "/status" -> Texts.send(response, HttpServletResponse.SC_OK, where() + " reads " + source
          + " every " + interval.toMillis() + " ms; " + fetches.get() + " fetches; last: " + last);
      default -> Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "try /status");
    }
  }

  private void start(HttpServletResponse response) throws IOException {
    ModulesService modules = ModulesServiceFactory.getModulesService();
    String memdb = Integer.toString(
        Integer.parseInt(modules.getCurrentInstanceId()) % modules.getNumInstances("memdb", null));
    String where = where();
    LifecycleManager.getInstance().setShutdownHook(pause::wake);
    ThreadManager.createBackgroundThread(() -> crawl(where, memdb)).start();
    Texts.send(response, HttpServletResponse.SC_OK, where + " crawls memdb/" + memdb);
  }

  /** The background thread: fetch, wait, until the instance shuts down. */
  private void crawl(String where, String memdb) {
    LifecycleManager lifecycle = LifecycleManager.getInstance();
    ModulesService modules = ModulesServiceFactory.getModulesService();
    try {
      while (!lifecycle.isShuttingDown()) {
        fetch(modules, memdb);
        pause.await(interval);
      }
      events.accept(where + " stopped after " + fetches.get() + " fetches: the instance is shutting down");
    } catch (InterruptedException e) {
      events.accept(where + " was interrupted after " + fetches.get() + " fetches");
    }
  }

  private void fetch(ModulesService modules, String memdb) throws InterruptedException {
    String hostname;
    try {
      hostname = modules.getInstanceHostname("memdb", null, memdb);
    } catch (ModulesException e) {
      last = e.getMessage();
      return;
    }
    source = "memdb/" + memdb + " at " + hostname + " /kv/" + FRONTIER;
    // memdb is private (R-SEC-2): only requests the application signs reach it (R-SEC-3).
    URI uri = URI.create("http://" + hostname + "/kv/" + FRONTIER);
    HttpRequest request = InternalRequests.sign(HttpRequest.newBuilder(uri), "GET", uri)
        .timeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      last = answer.statusCode() + " " + answer.body().strip();
    } catch (IOException e) {
      last = "failed: " + e;
    }
    fetches.incrementAndGet();
  }

  private static String where() {
    return "crawler/" + ModulesServiceFactory.getModulesService().getCurrentInstanceId();
  }
}
