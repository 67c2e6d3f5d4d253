package dev.resident.examples.backends;

import dev.resident.api.Environment;
import dev.resident.api.LifecycleManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The {@code cmdline} backend, dynamic (basic scaling): the first request for it starts an instance, and
 * that instance's start request runs a long job, step by step, before the instance serves anything else.
 * Between steps the job checks {@code LifecycleManager.isShuttingDown()}; the shutdown hook cuts the current
 * step short, so a shutdown during the job ends it cleanly after the step it was in, without an interrupt.
 * {@code GET /status} tells how the last job ended.
 */
public final class CmdlineServlet extends HttpServlet {

  private final int steps;
  private final Duration step;
  private final Consumer<String> events;
  private final Pause pause = new Pause();
  private volatile String lastJob = "none yet";

  /**
   * @param steps how many steps the job has
   * @param step how long one step takes
   * @param events where the instance reports how its job went
   */
  public CmdlineServlet(int steps, Duration step, Consumer<String> events) {
    this.steps = steps;
    this.step = step;
    this.events = events;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    switch (Texts.path(request)) {
      case "/_ah/start" -> Texts.send(response, HttpServletResponse.SC_OK, runJob());
      case "/", "/status" -> Texts.send(response, HttpServletResponse.SC_OK, where() + " last job: " + lastJob);
      default -> Texts.send(response, HttpServletResponse.SC_NOT_FOUND, "try /status");
    }
  }

  /** The start request's job: {@code steps} steps, stopping between two when the instance shuts down. */
  private String runJob() {
    LifecycleManager lifecycle = LifecycleManager.getInstance();
    lifecycle.setShutdownHook(pause::wake);
    String where = where();
    events.accept(where + " job started: " + steps + " steps of " + step.toMillis() + " ms");
    int done = 0;
    try {
      while (done < steps && !lifecycle.isShuttingDown()) {
        if (!pause.await(step)) {
          done++;
        }
      }
      lastJob = done == steps
          ? "finished all " + steps + " steps"
          : "stopped cleanly after " + done + " of " + steps + " steps: the instance is shutting down";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lastJob = "interrupted after " + done + " of " + steps + " steps";
    }
    events.accept(where + " job " + lastJob);
    return where + " job " + lastJob;
  }

  private static String where() {
    return "cmdline/" + Environment.current().getInstanceId();
  }
}
