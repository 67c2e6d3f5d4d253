package dev.resident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code wrk --latency} outputs of R-PERF-1 ({@code bare-N.txt} and {@code resident-N.txt} in one
 * directory, N from 1) and prints requests per second, p50 and p99 for each server and the ratios of
 * Resident to bare Undertow, run pair by run pair.
 */
public final class WrkSummary {

  private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);
  private static final Pattern P50 = Pattern.compile("^\\s+50%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern P99 = Pattern.compile("^\\s+99%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern REQUESTS = Pattern.compile("^\\s+(\\d+) requests in", Pattern.MULTILINE);
  /** Appended by run.sh: the server JVM's CPU time during the run, in clock ticks, and the ticks per second. */
  private static final Pattern SERVER_CPU =
      Pattern.compile("^server_cpu_ticks (\\d+) clk_tck (\\d+)$", Pattern.MULTILINE);

  /** One wrk run; the server's CPU per request is NaN when run.sh did not note it. */
  record Run(double requestsPerSecond, double p50Millis, double p99Millis, long errors, double cpuMicrosPerRequest) {

    static Run parse(String output) {
      return new Run(number(RATE, output), millis(P50, output), millis(P99, output), errors(output),
          cpuPerRequest(output));
    }

    private static double cpuPerRequest(String output) {
      Matcher cpu = SERVER_CPU.matcher(output);
      Matcher requests = REQUESTS.matcher(output);
      if (!cpu.find() || !requests.find()) {
        return Double.NaN;
      }
      double seconds = Double.parseDouble(cpu.group(1)) / Double.parseDouble(cpu.group(2));
      return seconds * 1e6 / Double.parseDouble(requests.group(1));
    }

    private static double number(Pattern pattern, String output) {
      Matcher m = pattern.matcher(output);
      if (!m.find()) {
        throw new IllegalArgumentException("wrk output without " + pattern + ":\n" + output);
      }
      return Double.parseDouble(m.group(1));
    }

    private static double millis(Pattern pattern, String output) {
      Matcher m = pattern.matcher(output);
      if (!m.find()) {
        throw new IllegalArgumentException("wrk output without " + pattern + " (was --latency given?):\n" + output);
      }
      double value = Double.parseDouble(m.group(1));
      return switch (m.group(2)) {
        case "us" -> value / 1000;
        case "ms" -> value;
        default -> value * 1000;
      };
    }

    private static long errors(String output) {
      long errors = 0;
      Matcher non2xx = NON_2XX.matcher(output);
      if (non2xx.find()) {
        errors += Long.parseLong(non2xx.group(1));
      }
      Matcher socket = SOCKET_ERRORS.matcher(output);
      if (socket.find()) {
        for (int g = 1; g <= 4; g++) {
          errors += Long.parseLong(socket.group(g));
        }
      }
      return errors;
    }
  }

  private WrkSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: WrkSummary DIRECTORY");
    }
    Path dir = Path.of(args[0]);
    List<Run> bare = read(dir, "bare");
    List<Run> resident = read(dir, "resident");
    if (bare.isEmpty() || bare.size() != resident.size()) {
      throw new IllegalStateException("Expected as many bare as resident runs in " + dir + ", found "
          + bare.size() + " and " + resident.size());
    }
    int runs = bare.size();
    double[] rateRatio = new double[runs];
    double[] p99Ratio = new double[runs];
    for (int i = 0; i < runs; i++) {
      rateRatio[i] = resident.get(i).requestsPerSecond() / bare.get(i).requestsPerSecond();
      p99Ratio[i] = resident.get(i).p99Millis() / bare.get(i).p99Millis();
    }
    System.out.println("  run pairs (bare and resident back to back, the order switching every pair):");
    for (int i = 0; i < runs; i++) {
      System.out.println(Figures.format("    %d  bare %6.0f req/s p50 %6.3f p99 %7.3f ms %5.1f us CPU/req"
          + " | resident %6.0f req/s p50 %6.3f p99 %7.3f ms %5.1f us CPU/req | ratio %.3f, p99 %.3f", i + 1,
          bare.get(i).requestsPerSecond(), bare.get(i).p50Millis(), bare.get(i).p99Millis(),
          bare.get(i).cpuMicrosPerRequest(), resident.get(i).requestsPerSecond(), resident.get(i).p50Millis(),
          resident.get(i).p99Millis(), resident.get(i).cpuMicrosPerRequest(), rateRatio[i], p99Ratio[i]));
    }
    System.out.println("  median (min–max) over " + runs + " runs:");
    print("bare Undertow", bare);
    print("Resident", resident);
    Figures rates = new Figures(rateRatio);
    Figures p99s = new Figures(p99Ratio);
    double bareRate = rates(bare).median();
    double residentRate = rates(resident).median();
    double rateOfMedians = residentRate / bareRate;
    double p99OfMedians = p99(resident).median() / p99(bare).median();
    System.out.println(Figures.format("    throughput Resident/bare: %.3f of medians; per run pair %s", rateOfMedians,
        rates.range("%.3f")));
    System.out.println(Figures.format("    p99 Resident/bare:        %.3f of medians; per run pair %s", p99OfMedians,
        p99s.range("%.3f")));
    double[] cpuRatio = new double[runs];
    for (int i = 0; i < runs; i++) {
      cpuRatio[i] = resident.get(i).cpuMicrosPerRequest() / bare.get(i).cpuMicrosPerRequest();
    }
    if (!Double.isNaN(cpuRatio[0])) {
      System.out.println(Figures.format("    server CPU per request Resident/bare: per run pair %s",
          new Figures(cpuRatio).range("%.3f")));
    }
    System.out.println("    target throughput >= 0.95x: " + Figures.verdict(rateOfMedians >= 0.95)
        + "; target p99 <= 1.10x: " + Figures.verdict(p99OfMedians <= 1.10));
  }

  private static void print(String label, List<Run> runs) {
    long errors = runs.stream().mapToLong(Run::errors).sum();
    String cpu = Double.isNaN(runs.get(0).cpuMicrosPerRequest()) ? ""
        : ", server CPU " + new Figures(runs.stream().mapToDouble(Run::cpuMicrosPerRequest).toArray()).range("%.1f")
            + " us/req";
    System.out.println(Figures.format("    %-14s %s req/s, p50 %s ms, p99 %s ms%s, errors %d", label,
        rates(runs).range("%.0f"), new Figures(runs.stream().mapToDouble(Run::p50Millis).toArray()).range("%.3f"),
        p99(runs).range("%.3f"), cpu, errors));
  }

  private static Figures rates(List<Run> runs) {
    return new Figures(runs.stream().mapToDouble(Run::requestsPerSecond).toArray());
  }

  private static Figures p99(List<Run> runs) {
    return new Figures(runs.stream().mapToDouble(Run::p99Millis).toArray());
  }

  private static List<Run> read(Path dir, String label) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (int n = 1; Files.exists(dir.resolve(label + "-" + n + ".txt")); n++) {
      runs.add(Run.parse(Files.readString(dir.resolve(label + "-" + n + ".txt"))));
    }
    return runs;
  }
}
