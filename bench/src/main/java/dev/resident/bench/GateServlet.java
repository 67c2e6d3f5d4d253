package dev.resident.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Keeps an instance busy: {@code /block} holds its slot until {@link #open()}; any other path answers at once. */
public final class GateServlet extends HttpServlet {

  private static final long MAX_BLOCK_SECONDS = 300;

  private final Semaphore gate = new Semaphore(0);

  /** Lets one blocked request (now or later) through. */
  void open() {
    gate.release();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getRequestURI().equals("/block")) {
      try {
        if (!gate.tryAcquire(MAX_BLOCK_SECONDS, TimeUnit.SECONDS)) {
          resp.sendError(500, "the benchmark never opened the gate");
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    resp.setContentType("text/plain");
    resp.getWriter().print("ok");
  }
}
