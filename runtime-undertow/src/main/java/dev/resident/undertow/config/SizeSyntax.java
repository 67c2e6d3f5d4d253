package dev.resident.undertow.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size syntax of the yaml files: a whole number of bytes, alone or followed by {@code B}, {@code KB},
 * {@code MB} or {@code GB} (in any case, with nothing between); a kilobyte is 1024 bytes: {@code 512B},
 * {@code 8KB}, {@code 32MB}, {@code 1048576}.
 */
final class SizeSyntax {
  private static final Pattern SYNTAX = Pattern.compile("(\\d+)([KMG]?B)?", Pattern.CASE_INSENSITIVE);

  private SizeSyntax() {}

  /**
   * Parses a size.
   *
   * @param text such as {@code 32MB}
   * @return the bytes, or empty when the text is not a size or does not fit a {@code long}
   */
  static OptionalLong parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    try {
      return OptionalLong.of(Math.multiplyExact(Long.parseLong(m.group(1)), unitBytes(unit)));
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  /**
   * Writes a size in the largest unit that holds it exactly.
   *
   * @param bytes a size
   * @return such as {@code 32MB} or {@code 1500B}
   */
  static String format(long bytes) {
    for (String unit : new String[] {"GB", "MB", "KB"}) {
      if (bytes != 0 && bytes % unitBytes(unit) == 0) {
        return bytes / unitBytes(unit) + unit;
      }
    }
    return bytes + "B";
  }

  private static long unitBytes(String unit) {
    switch (unit) {
      case "GB":
        return 1L << 30;
      case "MB":
        return 1L << 20;
      case "KB":
        return 1L << 10;
      default:
        return 1;
    }
  }
}
