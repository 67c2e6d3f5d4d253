package dev.resident.undertow.host;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A servlet for admission tests. It notes the paths it serves in arrival order and how many requests it
 * ran at once; {@code /block} waits for a permit of {@link #gate}, {@code /throw} too and then throws;
 * {@code /echo} answers the request body; any other path answers {@code ok <path>}.
 */
class WaitingServlet extends HttpServlet {

  final List<String> served = new CopyOnWriteArrayList<>();
  final Semaphore gate = new Semaphore(0);
  final AtomicInteger inside = new AtomicInteger();
  final AtomicInteger mostInside = new AtomicInteger();

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    if (path.startsWith("/_ah/")) {
      return;
    }
    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
    try {
      served.add(path);
      switch (path) {
        case "/block" -> passGate();
        case "/throw" -> {
          passGate();
          throw new IllegalStateException("thrown on purpose by the test servlet");
        }
        case "/echo" -> resp.getWriter().print(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        default -> resp.getWriter().print("ok " + path);
      }
    } finally {
      inside.decrementAndGet();
    }
  }

  private void passGate() {
    try {
      if (!gate.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
