package dev.resident.undertow.request;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.util.Locale;

/**
 * Where the time of a request goes on its way through a host, stage by stage, for benchmarks (issue 15):
 * off unless the JVM runs with {@code -Dresident.request_breakdown=true}, and then one {@code nanoTime}
 * per stage boundary and a small array per request; off, each stamp is a constant test the JIT removes.
 *
 * <p>The stages, in the order a request passes them: {@code between} (the previous response's hand-over on
 * the same connection to this request's headers parsed: the client's turnaround plus the I/O thread's delay
 * to read), {@code chain} (the I/O thread's handlers: request id, limits, routing, security), {@code
 * admission} (the admission decision), {@code pool queue} (admitted to running on a request thread), {@code
 * handler} (the application's handler until its exchange completes, the response written), {@code
 * hand-over} (Undertow passing the connection on to its next request), and {@code total} (parsed to
 * handed over). Requests that never run (rejected, or their client gone) are not counted.
 */
public final class RequestBreakdown {

  static final boolean ENABLED = Boolean.getBoolean("resident.request_breakdown");

  /** The boundaries between stages, in order. */
  enum Point { PARSED, ADMISSION, DECIDED, RUNNING, COMPLETED, HANDED_OVER }

  private static final String[] STAGES = {"between", "chain", "admission", "pool queue", "handler", "hand-over",
      "total"};
  private static final int BETWEEN = 0;
  private static final int TOTAL = STAGES.length - 1;

  private static final AttachmentKey<long[]> STAMPS = AttachmentKey.create(long[].class);
  private static final AttachmentKey<long[]> LAST_HAND_OVER = AttachmentKey.create(long[].class);
  private static final LatencyHistogram[] HISTOGRAMS = new LatencyHistogram[STAGES.length];

  static {
    for (int i = 0; i < HISTOGRAMS.length; i++) {
      HISTOGRAMS[i] = new LatencyHistogram();
    }
  }

  private RequestBreakdown() {}

  /**
   * Returns whether this JVM records the breakdown.
   *
   * @return true with {@code -Dresident.request_breakdown=true}
   */
  public static boolean enabled() {
    return ENABLED;
  }

  /** Forgets every request recorded so far. */
  public static void reset() {
    for (LatencyHistogram histogram : HISTOGRAMS) {
      histogram.reset();
    }
  }

  /**
   * Returns a table of every stage: requests counted, then p50, p90, p99, p99.9 and max in microseconds.
   *
   * @return the table, one line per stage, with a heading line
   */
  public static String report() {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-11s %9s %9s %9s %9s %9s %9s%n",
        "stage", "requests", "p50 us", "p90 us", "p99 us", "p99.9 us", "max us"));
    for (int i = 0; i < STAGES.length; i++) {
      LatencyHistogram histogram = HISTOGRAMS[i];
      table.append(String.format(Locale.ROOT, "%-11s %9d %9.1f %9.1f %9.1f %9.1f %9.1f%n", STAGES[i],
          histogram.count(), micros(histogram.quantile(0.5)), micros(histogram.quantile(0.9)),
          micros(histogram.quantile(0.99)), micros(histogram.quantile(0.999)), micros(histogram.quantile(1))));
    }
    return table.toString();
  }

  /** Stamps the request's headers parsed: the first stamp. */
  static void parsed(HttpServerExchange exchange) {
    if (ENABLED) {
      long[] stamps = new long[Point.values().length];
      stamps[Point.PARSED.ordinal()] = System.nanoTime();
      exchange.putAttachment(STAMPS, stamps);
    }
  }

  /** Stamps a boundary after the first and before the last. */
  static void stamp(HttpServerExchange exchange, Point point) {
    if (ENABLED) {
      long[] stamps = exchange.getAttachment(STAMPS);
      if (stamps != null) {
        stamps[point.ordinal()] = System.nanoTime();
      }
    }
  }

  /** Stamps the connection handed over, the last stamp, and records the request's stages. */
  static void handedOver(HttpServerExchange exchange) {
    if (ENABLED) {
      long[] stamps = exchange.getAttachment(STAMPS);
      if (stamps == null) {
        return;
      }
      long now = System.nanoTime();
      stamps[Point.HANDED_OVER.ordinal()] = now;
      for (long stamp : stamps) {
        if (stamp == 0) {
          return; // a request that skipped a stage: its connection closed before it ran
        }
      }
      ServerConnection connection = exchange.getConnection();
      long[] last = connection.getAttachment(LAST_HAND_OVER);
      if (last == null) {
        connection.putAttachment(LAST_HAND_OVER, new long[] {now});
      } else {
        HISTOGRAMS[BETWEEN].add(stamps[Point.PARSED.ordinal()] - last[0]);
        last[0] = now;
      }
      for (int point = 1; point < stamps.length; point++) {
        HISTOGRAMS[point].add(stamps[point] - stamps[point - 1]);
      }
      HISTOGRAMS[TOTAL].add(now - stamps[Point.PARSED.ordinal()]);
    }
  }

  private static double micros(long nanos) {
    return nanos / 1000.0;
  }
}
