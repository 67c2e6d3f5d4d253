package dev.resident.examples.backends;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The {@code worker} backend: {@code GET /work?seconds=N} runs a job of N seconds (5 by default). The
 * backend is failfast and takes one request at a time ({@code backends.yaml}), so a request that arrives
 * while a job runs gets 503 at once instead of waiting in the pending queue.
 *
 * <p>Its shutdown hook is the one of App Engine's documentation: it interrupts the requests in flight, and a
 * job that is interrupted answers 503 at once rather than holding the instance's shutdown for its grace.
 */
public final class WorkerServlet extends HttpServlet {

  private static final Duration DEFAULT_JOB = Duration.ofSeconds(5);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    switch (Texts.path(request)) {
      case "/_ah/start" -> {
        LifecycleManager.getInstance().setShutdownHook(() -> LifecycleManager.getInstance().interruptAllRequests());
        Texts.send(response, HttpServletResponse.SC_OK, where() + " ready");
      }
      case "/work" -> work(job(request.getParameter("seconds")), response);
      default -> Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "try /work?seconds=5");
    }
  }

  private static void work(Duration job, HttpServletResponse response) throws IOException {
    long start = System.nanoTime();
    try {
      new Pause().await(job); // the job is simulated: a wait that only its length or an interrupt ends
      Texts.send(response, HttpServletResponse.SC_OK, where() + " worked " + job.toSeconds() + " s");
    } catch (InterruptedException e) {
      Texts.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, where() + " gave up its job after "
          + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: the instance is shutting down");
    }
  }

  private static Duration job(String seconds) {
    try {
      return seconds == null ? DEFAULT_JOB : Duration.ofSeconds(Math.max(0, Long.parseLong(seconds)));
    } catch (NumberFormatException e) {
      return DEFAULT_JOB;
    }
  }

  private static String where() {
    return "worker/" + Environment.current().getInstanceId();
  }
}
