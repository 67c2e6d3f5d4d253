package dev.resident.undertow.host;

import jakarta.servlet.http.HttpServlet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test servlet that records what it serves and can hold a request until the test opens its gate. */
abstract class GatedServlet extends HttpServlet {

  final Recorder recorder;
  private final CountDownLatch gate;

  GatedServlet(Recorder recorder, CountDownLatch gate) {
    this.recorder = recorder;
    this.gate = gate;
  }

  /** Waits until the test opens the gate, 20 s at most; returns early, interrupted, if the thread is. */
  void awaitGate() {
    try {
      gate.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
