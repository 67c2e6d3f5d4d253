package dev.resident.undertow;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Makes SIGINT and SIGTERM a normal end of the launcher (R-HOST-2): the first such signal exits the JVM with
 * status 0, which runs the host's JVM shutdown hook, and that hook stops every instance gracefully
 * (R-LIFE-4, R-LIFE-5) before the JVM ends. Without this the JVM would end with status 128 + the signal
 * after the same graceful stop, which service managers read as a failure.
 *
 * <p>{@code sun.misc.Signal} lives in the {@code jdk.unsupported} module, which the JDK keeps open for
 * exactly this use (JEP 260); when a signal cannot be handled (the JVM runs with {@code -Xrs}, say), the
 * JVM's own handling stays.
 */
final class StopSignals {

  private final AtomicBoolean received = new AtomicBoolean();
  private final PrintStream err;

  private StopSignals(PrintStream err) {
    this.err = err;
  }

  /**
   * Handles SIGINT and SIGTERM from now on.
   *
   * @param err where to say that a signal arrived
   * @return the handler, which tells whether a signal arrived
   */
  static StopSignals install(PrintStream err) {
    StopSignals signals = new StopSignals(err);
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
      System.exit(Main.EXIT_OK);
    } else {
      err.println("SIG" + signal.getName() + ": already stopping; each instance has its shutdown grace");
    }
  }
}
