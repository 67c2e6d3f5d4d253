package dev.resident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * R-PERF-2: parks many requests on a busy one-slot instance and reports what they cost the server JVM
 * (threads, heap after full GC, direct buffers) and how close to {@code pending_timeout} each one is
 * answered, on the real system clock.
 *
 * <p>The server runs in a JVM of its own ({@link ParkedServer}) so that the client's ten thousand sockets
 * are not counted. A request's wait is measured by the client, from the moment its last byte was written
 * to the moment the first byte of its answer arrived; the lateness is that wait minus the pending timeout.
 *
 * <p>Requests are sent in batches of {@value #BATCH}, each sent once the server holds the one before, so that
 * the server's accept queue (backlog 1000) never overflows: a connection dropped from a full accept queue
 * reaches the server a second or more after the client wrote its request, and its wait would be measured
 * from the wrong moment. The count of listen queue overflows during the run is printed.
 *
 * <p>Arguments: the number of requests (10000) and the pending timeout in milliseconds.
 */
public final class ParkedRequests {

  private static final long ANSWER_BOUND_MILLIS = 60_000;
  /** Requests sent at once: well under the listen backlog of 1000. */
  private static final int BATCH = 500;

  private ParkedRequests() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    long timeoutMillis = Long.parseLong(args[1]);
    try (ServerProcess server = ServerProcess.start(ParkedServer.class, Long.toString(timeoutMillis),
        Integer.toString(count))) {
      String ready = server.nextLine(ANSWER_BOUND_MILLIS, () -> {});
      int port = Integer.parseInt(ready.substring("port ".length()));

      warmUp(server, port, Math.min(1_000, count));

      ParkingClient blocker = ParkingClient.to(port).send(1, i -> "/block", ANSWER_BOUND_MILLIS);
      awaitCounts(server, blocker, 1, 0);
      Map<String, Long> before = server.ask("measure", ANSWER_BOUND_MILLIS, () -> blocker.pump(1));

      long overflowsBefore = listenOverflows();
      long start = System.nanoTime();
      ParkingClient parked = park(server, port, count, "/park/");
      long allWaiting = System.nanoTime();
      Map<String, Long> during = server.ask("measure", ANSWER_BOUND_MILLIS, () -> parked.pump(1));
      long measured = System.nanoTime();

      long bound = System.nanoTime() + (timeoutMillis + ANSWER_BOUND_MILLIS) * 1_000_000;
      while (parked.unanswered() > 0 && System.nanoTime() < bound) {
        parked.pump(10);
      }
      Map<String, Long> after = server.ask("count", ANSWER_BOUND_MILLIS, () -> {});
      server.ask("open", ANSWER_BOUND_MILLIS, () -> {});
      pumpUntilAnswered(blocker);
      long overflows = listenOverflows() - overflowsBefore;
      report(count, timeoutMillis, start, allWaiting, measured, before, during, after, parked, overflows);
      parked.close();
      blocker.close();
    }
  }

  /** One round with the slot taken, requests parked and then all served, so that the measured round is warm. */
  private static void warmUp(ServerProcess server, int port, int count) {
    try (ParkingClient blocker = ParkingClient.to(port).send(1, i -> "/block", ANSWER_BOUND_MILLIS)) {
      awaitCounts(server, blocker, 1, 0);
      try (ParkingClient waiting = park(server, port, count, "/warm/")) {
        server.ask("open", ANSWER_BOUND_MILLIS, () -> waiting.pump(1));
        pumpUntilAnswered(waiting);
      }
      pumpUntilAnswered(blocker);
    }
  }

  /** Sends {@code count} requests in batches, each once the server holds all before it; they all wait then. */
  private static ParkingClient park(ServerProcess server, int port, int count, String prefix) {
    ParkingClient client = ParkingClient.to(port);
    for (int sent = 0; sent < count; ) {
      int batch = Math.min(BATCH, count - sent);
      client.send(batch, i -> prefix + i, ANSWER_BOUND_MILLIS);
      sent += batch;
      awaitCounts(server, client, 1, sent);
    }
    return client;
  }

  /** The kernel's count of connections dropped from full listen queues, or -1 where it cannot be read. */
  private static long listenOverflows() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
      for (int i = 0; i + 1 < lines.size(); i += 2) {
        String[] names = lines.get(i).split(" ");
        String[] values = lines.get(i + 1).split(" ");
        for (int k = 0; k < names.length && k < values.length; k++) {
          if (names[k].equals("ListenOverflows")) {
            return Long.parseLong(values[k]);
          }
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // not Linux, or another layout
    }
    return -1;
  }

  private static void awaitCounts(ServerProcess server, ParkingClient client, long active, long pending) {
    long deadline = System.nanoTime() + ANSWER_BOUND_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      Map<String, Long> counts = server.ask("count", ANSWER_BOUND_MILLIS, () -> client.pump(1));
      if (counts.get("active") == active && counts.get("pending") == pending) {
        return;
      }
      client.pump(20);
    }
    throw new IllegalStateException("The server never had " + active + " active and " + pending + " pending");
  }

  private static void pumpUntilAnswered(ParkingClient client) {
    long deadline = System.nanoTime() + ANSWER_BOUND_MILLIS * 1_000_000;
    while (client.unanswered() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(client.unanswered() + " requests never answered");
      }
      client.pump(10);
    }
  }

  private static void report(int count, long timeoutMillis, long start, long allWaiting, long measured,
      Map<String, Long> before, Map<String, Long> during, Map<String, Long> after, ParkingClient parked,
      long overflows) {
    Map<String, Integer> outcomes = new TreeMap<>();
    double[] lateness = new double[count];
    double[] deviation = new double[count];
    int answered = 0;
    for (ParkingClient.Call call : parked.calls()) {
      outcomes.merge(call.outcome(), 1, Integer::sum);
      if (call.answeredNanos() != 0) {
        double late = (call.answeredNanos() - call.sentNanos()) / 1e6 - timeoutMillis;
        lateness[answered] = late;
        deviation[answered] = Math.abs(late);
        answered++;
      }
    }
    long threadsBefore = before.get("threads");
    long threadsDuring = during.get("threads");
    double heapPerRequest = (double) (during.get("heap") - before.get("heap")) / count;
    double directPerRequest = (double) (during.get("direct") - before.get("direct")) / count;
    System.out.println(Figures.format("  %,d requests sent in batches of %d: all waiting %.1f s after the first;"
        + " measured at %.1f s, %s the first pending timeout; listen queue overflows: %s", count, BATCH,
        (allWaiting - start) / 1e9, (measured - start) / 1e9,
        measured - start < timeoutMillis * 1_000_000 ? "before" : "AFTER",
        overflows < 0 ? "unknown" : Long.toString(overflows)));
    System.out.println(Figures.format("  JVM threads: %d before, %d with %,d waiting (%+d), %d after the timeouts",
        threadsBefore, threadsDuring, count, threadsDuring - threadsBefore, after.get("threads")));
    System.out.println(Figures.format("  heap after full GC: %.1f MB before, %.1f MB with %,d waiting: %.0f bytes"
        + " per waiting request", before.get("heap") / 1e6, during.get("heap") / 1e6, count, heapPerRequest));
    System.out.println(Figures.format("  direct buffers: %.1f MB before, %.1f MB with %,d waiting: %.0f bytes per"
        + " waiting request", before.get("direct") / 1e6, during.get("direct") / 1e6, count, directPerRequest));
    System.out.println("  outcomes: " + outcomes);
    if (answered == 0) {
      System.out.println("  no request was answered: no timeout figures");
      return;
    }
    Figures off = new Figures(Arrays.copyOf(deviation, answered));
    Figures signed = new Figures(Arrays.copyOf(lateness, answered));
    System.out.println(Figures.format("  |answered - written - pending_timeout| over %,d answers: min %.1f, p50 %.1f,"
        + " p99 %.1f, max %.1f ms (signed: %+.1f to %+.1f ms)", answered, off.min(), off.median(),
        off.percentile(99), off.max(), signed.min(), signed.max()));
    System.out.println("  target +0 threads: " + Figures.verdict(threadsDuring <= threadsBefore)
        + "; target < 4 KB heap per waiting request: " + Figures.verdict(heapPerRequest < 4096)
        + "; target every timeout within 100 ms: " + Figures.verdict(answered == count && off.max() <= 100));
  }
}
