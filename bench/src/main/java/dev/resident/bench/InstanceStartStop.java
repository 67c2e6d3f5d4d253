package dev.resident.bench;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import java.util.ArrayList;
import java.util.List;

/**
 * R-PERF-3: starts a manual version of many instances, each with a trivial {@code /_ah/start} that sets an
 * empty shutdown hook, and times how long until every start request has been answered (every instance
 * {@code SERVING}); then stops idle instances one at a time with {@code setNumInstances(n - 1)} and times
 * each stop until it has completed (hook run, deployment undeployed, port closed). A new host per
 * repetition, in one JVM, so the first repetition runs cold.
 *
 * <p>Arguments: repetitions, instances (200), stops per repetition.
 */
public final class InstanceStartStop {

  private static final long SERVING_BOUND_NANOS = 60_000_000_000L;

  private InstanceStartStop() {}

  public static void main(String[] args) throws InterruptedException {
    int repetitions = Integer.parseInt(args[0]);
    int instances = Integer.parseInt(args[1]);
    int stopsPerRepetition = Integer.parseInt(args[2]);
    double[] startMillis = new double[repetitions];
    double[] startCallMillis = new double[repetitions];
    List<Double> stopMillis = new ArrayList<>();
    List<Double> warmStopMillis = new ArrayList<>();
    for (int rep = 0; rep < repetitions; rep++) {
      try (ResidentHost host = ResidentHost.builder()
          .version(VersionBuilder.manual("default", "v1", instances).build())
          .handlers("default", h -> h.servlet("/*", StartServlet.class))
          .port(0)
          .stopOnJvmShutdown(false)
          .build()) {
        long begin = System.nanoTime();
        host.start();
        long returned = System.nanoTime();
        awaitServing(host, instances, begin);
        long serving = System.nanoTime();
        startCallMillis[rep] = (returned - begin) / 1e6;
        startMillis[rep] = (serving - begin) / 1e6;

        ModulesService modules = host.modulesService();
        StringBuilder stops = new StringBuilder();
        for (int k = 1; k <= stopsPerRepetition; k++) {
          long stopBegin = System.nanoTime();
          modules.setNumInstances("default", "v1", instances - k);
          double millis = (System.nanoTime() - stopBegin) / 1e6;
          stopMillis.add(millis);
          if (rep > 0) {
            warmStopMillis.add(millis);
          }
          stops.append(Figures.format(" %.1f", millis));
        }
        System.out.println(Figures.format("  repetition %d%s: %d instances serving %.0f ms after start() began"
            + " (start() returned after %.0f ms); idle stops, ms:%s", rep + 1, rep == 0 ? " (cold JVM)" : "",
            instances, startMillis[rep], startCallMillis[rep], stops));
      }
    }
    Figures starts = new Figures(startMillis);
    Figures stops = new Figures(stopMillis.stream().mapToDouble(Double::doubleValue).toArray());
    System.out.println(Figures.format("  %d instances serving: %s ms over %d repetitions", instances,
        starts.range("%.0f"), repetitions));
    System.out.println(Figures.format("  idle stop with an empty hook: %s ms over %d stops; p90 %.1f ms",
        stops.range("%.1f"), stops.count(), stops.percentile(90)));
    if (!warmStopMillis.isEmpty()) {
      Figures warm = new Figures(warmStopMillis.stream().mapToDouble(Double::doubleValue).toArray());
      System.out.println(Figures.format("  idle stop, repetitions 2 on (warm): %s ms", warm.range("%.1f")));
    }
    System.out.println("  target 200 instances < 2 s: " + Figures.verdict(starts.max() < 2000)
        + " (worst repetition); target idle stop < 50 ms: " + Figures.verdict(stops.max() < 50) + " (worst stop)");
  }

  /**
   * Waits, polling each millisecond, until {@code instances} instances of the host serve; the benchmarks'
   * own timing loop, at most 60 s from {@code begin}.
   */
  static void awaitServing(ResidentHost host, int instances, long begin) throws InterruptedException {
    while (true) {
      int serving = 0;
      for (InstanceInfo info : host.instances()) {
        if (info.state() == InstanceState.SERVING) {
          serving++;
        }
      }
      if (serving == instances) {
        return;
      }
      if (System.nanoTime() - begin > SERVING_BOUND_NANOS) {
        throw new IllegalStateException("Only " + serving + " of " + instances + " instances serve after 60 s");
      }
      Thread.sleep(1);
    }
  }
}
