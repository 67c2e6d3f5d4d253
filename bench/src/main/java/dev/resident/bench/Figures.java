package dev.resident.bench;

import java.util.Arrays;
import java.util.Locale;

/** A sample of figures from several runs, with the order statistics the reports print. */
final class Figures {

  private final double[] sorted;

  Figures(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("Figures need at least one value");
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  double median() {
    return percentile(50);
  }

  /** The nearest-rank percentile: the smallest value with at least {@code percent}% of values at or below. */
  double percentile(double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  int count() {
    return sorted.length;
  }

  /** {@code median (min–max)} with the given format for each number. */
  String range(String format) {
    return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
  }

  static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
