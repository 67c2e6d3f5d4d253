package dev.resident.undertow;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Makes SIGINT and SIGTERM a normal end of the launcher (R-HOST-2): the first such signal stops the host
 * gracefully (R-LIFE-4, R-LIFE-5) on the signal's thread, then exits the JVM with status 0. Without this the
 * JVM would end with status 128 + the signal after the graceful stop of the host's JVM shutdown hook, which
 * service managers read as a failure.
 *
 * <p>The host stops before the exit, not in a JVM shutdown hook, because JVM shutdown hooks run at the same
 * time: {@code java.util.logging} closes its handlers in one of its own, and what the application's shutdown
 * hooks log through it would be lost.
 *
 * <p>{@code sun.misc.Signal} lives in the {@code jdk.unsupported} module, which the JDK keeps open for
 * exactly this use (JEP 260); when a signal cannot be handled (the JVM runs with {@code -Xrs}, say), the
 * JVM's own handling stays.
 */
final class StopSignals {

  private final AtomicBoolean received = new AtomicBoolean();
  private final PrintStream err;
  private final Runnable stopHost;

  private StopSignals(PrintStream err, Runnable stopHost) {
    this.err = err;
    this.stopHost = stopHost;
  }

  /**
   * Handles SIGINT and SIGTERM from now on.
   *
   * @param err where to say that a signal arrived
   * @param stopHost stops the host gracefully and returns when it is stopped
   * @return the handler, which tells whether a signal arrived
   */
  static StopSignals install(PrintStream err, Runnable stopHost) {
    StopSignals signals = new StopSignals(err, stopHost);
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), signals::stop);
      } catch (IllegalArgumentException jvmKeepsSignal) {
        err.println("Cannot handle SIG" + name + " (" + jvmKeepsSignal.getMessage() + "); the JVM's own handling applies");
      }
    }
    return signals;
  }

  /**
   * Tells whether a stop signal arrived: the JVM is then ending and nothing else may call
   * {@link System#exit(int)}.
   *
   * @return true once SIGINT or SIGTERM arrived
   */
  boolean received() {
    return received.get();
  }

  private void stop(Signal signal) {
    if (received.compareAndSet(false, true)) {
      err.println("SIG" + signal.getName() + ": stopping every instance gracefully");
      try {
        stopHost.run();
      } finally {
        System.exit(Main.EXIT_OK);
      }
    } else {
      err.println("SIG" + signal.getName() + ": already stopping; each instance has its shutdown grace");
    }
  }
}
