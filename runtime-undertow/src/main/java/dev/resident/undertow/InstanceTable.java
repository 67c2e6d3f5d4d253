package dev.resident.undertow;

import dev.resident.undertow.instance.InstanceState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The table the launcher prints once the host has started (R-HOST-2): a header line with the main URL,
 * then one aligned row per instance with its module, version, instance, state and URL.
 */
final class InstanceTable {

  private static final List<String> HEADINGS = List.of("MODULE", "VERSION", "INSTANCE", "STATE", "URL");
  private static final List<Function<InstanceInfo, String>> CELLS = List.of(
      InstanceInfo::module, InstanceInfo::version, InstanceInfo::instance, i -> i.state().name(), InstanceInfo::url);
  private static final String GAP = "  ";
  private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

  private InstanceTable() {}

  /**
   * Reads the instances until none is {@link InstanceState#STARTING} or the bound has passed, whichever
   * comes first: manual instances start while their start requests run, and the table should show how those
   * answered.
   *
   * @param instances reads the instances, such as {@code host::instances}
   * @param bound how long to wait at most; zero reads once
   * @return the last rows read
   */
  static List<InstanceInfo> whenStarted(Supplier<List<InstanceInfo>> instances, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    List<InstanceInfo> rows = instances.get();
    while (starting(rows) > 0 && deadline - System.nanoTime() > 0 && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(Math.min(POLL_NANOS, deadline - System.nanoTime()));
      rows = instances.get();
    }
    return rows;
  }

  /**
   * Formats the table.
   *
   * @param mainUrl the URL of the main port
   * @param rows the instances, in the host's order
   * @return the header line and the aligned rows, each line ending with a line break
   */
  static String format(String mainUrl, List<InstanceInfo> rows) {
    int[] widths = new int[HEADINGS.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = HEADINGS.get(c).length();
      for (InstanceInfo row : rows) {
        widths[c] = Math.max(widths[c], CELLS.get(c).apply(row).length());
      }
    }
    StringBuilder table = new StringBuilder("Resident is listening on ").append(mainUrl);
    long starting = starting(rows);
    if (starting > 0) {
      table.append(" (").append(starting).append(starting == 1 ? " instance is" : " instances are")
          .append(" still starting)");
    }
    table.append('\n');
    line(table, HEADINGS, widths);
    for (InstanceInfo row : rows) {
      line(table, CELLS.stream().map(cell -> cell.apply(row)).toList(), widths);
    }
    return table.toString();
  }

  private static long starting(List<InstanceInfo> rows) {
    return rows.stream().filter(row -> row.state() == InstanceState.STARTING).count();
  }

  private static void line(StringBuilder table, List<String> cells, int[] widths) {
    for (int c = 0; c < cells.size() - 1; c++) {
      table.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length())).append(GAP);
    }
    table.append(cells.get(cells.size() - 1)).append('\n');
  }
}
