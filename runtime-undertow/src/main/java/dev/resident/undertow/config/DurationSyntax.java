package dev.resident.undertow.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of the yaml files: a number, possibly with a fraction, then one of the units
 * {@code ms}, {@code s}, {@code m} or {@code h}, with nothing between them: {@code 250ms}, {@code 10s},
 * {@code 1.5s}, {@code 5m}, {@code 1h}.
 */
final class DurationSyntax {
  private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private DurationSyntax() {}

  /**
   * Parses a duration.
   *
   * @param text such as {@code 250ms} or {@code 1.5s}
   * @return the duration, or empty when the text is not one, or is longer than about 292 years
   */
  static Optional<Duration> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2))));
    try {
      return Optional.of(Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact()));
    } catch (ArithmeticException tooLong) {
      return Optional.empty();
    }
  }

  /**
   * Writes a duration in the largest unit that holds it exactly.
   *
   * @param duration a duration of 0 or more
   * @return such as {@code 30s}, {@code 5m} or {@code 1.5ms}
   */
  static String format(Duration duration) {
    long nanos = duration.toNanos();
    for (String unit : new String[] {"h", "m", "s"}) {
      if (nanos % unitNanos(unit) == 0) {
        return nanos / unitNanos(unit) + unit;
      }
    }
    return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "h":
        return 3_600_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "s":
        return 1_000_000_000L;
      default:
        return 1_000_000L;
    }
  }
}
