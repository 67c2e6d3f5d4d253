package dev.resident.undertow.config;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The {@link Rule}s of the yaml fields: integers, names, durations, sizes and choices. */
final class Rules {
  /** R-MOD-2: letters, digits and hyphens, 1 to 63, no hyphen at either end. */
  static final Rule<String> NAME =
      text(
          "a name of 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen",
          Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"));

  /** {@code true} or {@code false} (yaml also reads {@code yes} and {@code no} as those). */
  static final Rule<Boolean> BOOLEAN =
      new Rule<>(
          "true or false",
          s -> s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE
              ? Optional.of(s.token() == JsonToken.VALUE_TRUE)
              : Optional.empty());

  /** Any text that is not empty. */
  static final Rule<String> STRING = text("a string", Pattern.compile("(?s).+"));

  private static final String DURATION = "a duration such as 250ms, 10s, 5m or 1h";
  private static final String SIZE = "a size such as 512B, 8KB or 32MB";

  private Rules() {}

  /**
   * Text matching a pattern: a string, or a number read as written (so {@code version: 1} is the name
   * {@code 1}).
   *
   * @param allowed the wording
   * @param pattern the whole text must match it
   * @return the rule
   */
  static Rule<String> text(String allowed, Pattern pattern) {
    return new Rule<>(
        allowed,
        s -> isTextual(s) && pattern.matcher(s.text()).matches()
            ? Optional.of(s.text())
            : Optional.empty());
  }

  /**
   * An integer in a range, written as a number or a string of digits.
   *
   * @param min the least value
   * @param max the greatest value; {@link Integer#MAX_VALUE} for no bound worth saying
   * @return the rule
   */
  static Rule<Integer> integer(int min, int max) {
    String allowed =
        max == Integer.MAX_VALUE
            ? "an integer of " + min + " or more"
            : "an integer from " + min + " to " + max;
    Pattern digits = Pattern.compile("-?\\d+");
    return new Rule<>(
        allowed,
        s -> {
          if (!isTextual(s) || !digits.matcher(s.text()).matches()) {
            return Optional.empty();
          }
          BigInteger value = new BigInteger(s.text());
          boolean inRange =
              value.compareTo(BigInteger.valueOf(min)) >= 0
                  && value.compareTo(BigInteger.valueOf(max)) <= 0;
          return inRange ? Optional.of(value.intValue()) : Optional.empty();
        });
  }

  /**
   * A duration ({@link DurationSyntax}) in a range.
   *
   * @param min the least duration; {@link Duration#ZERO} or above
   * @param max the greatest duration; null for no bound
   * @return the rule
   */
  static Rule<Duration> duration(Duration min, Duration max) {
    String allowed;
    if (max != null) {
      allowed =
          "a duration from " + DurationSyntax.format(min) + " to " + DurationSyntax.format(max);
    } else if (min.isZero()) {
      allowed = DURATION;
    } else {
      allowed = DURATION + ", at least " + DurationSyntax.format(min);
    }
    return new Rule<>(
        allowed,
        s -> s.token() == JsonToken.VALUE_STRING
            ? DurationSyntax.parse(s.text())
                .filter(d -> d.compareTo(min) >= 0 && (max == null || d.compareTo(max) <= 0))
            : Optional.empty());
  }

  /**
   * A size ({@link SizeSyntax}) in a range.
   *
   * @param min the least size in bytes
   * @param max the greatest size in bytes
   * @return the rule
   */
  static Rule<Long> size(long min, long max) {
    String allowed =
        max == Long.MAX_VALUE
            ? SIZE + ", at least " + SizeSyntax.format(min)
            : "a size from " + SizeSyntax.format(min) + " to " + SizeSyntax.format(max);
    return new Rule<>(
        allowed,
        s -> {
          OptionalLong bytes = isTextual(s) ? SizeSyntax.parse(s.text()) : OptionalLong.empty();
          return bytes.isPresent() && bytes.getAsLong() >= min && bytes.getAsLong() <= max
              ? Optional.of(bytes.getAsLong())
              : Optional.empty();
        });
  }

  /**
   * One of a list of words.
   *
   * @param choices the words and their values, in the order messages list them
   * @param suffix words after the list, such as {@code for automatic scaling}; empty for none
   * @param valueOf the value of a word
   * @param <T> the value type
   * @return the rule
   */
  static <T> Rule<T> oneOf(List<String> choices, String suffix, Function<String, T> valueOf) {
    String allowed = "one of " + String.join(", ", choices) + (suffix.isEmpty() ? "" : " " + suffix);
    return new Rule<>(
        allowed,
        s -> isTextual(s) && choices.contains(s.text())
            ? Optional.of(valueOf.apply(s.text()))
            : Optional.empty());
  }

  /**
   * An instance class allowed for a scaling type (R-MOD-4).
   *
   * @param scaling the scaling type
   * @return the rule, worded such as {@code one of F1, F2, F4, F4_1G for automatic scaling}
   */
  static Rule<InstanceClass> instanceClass(ScalingType scaling) {
    List<String> names =
        InstanceClass.allowedFor(scaling).stream().map(Enum::name).collect(Collectors.toList());
    return oneOf(names, "for " + scaling.yamlName() + " scaling", InstanceClass::valueOf);
  }

  private static boolean isTextual(YamlNode.Scalar s) {
    return s.token() == JsonToken.VALUE_STRING
        || s.token() == JsonToken.VALUE_NUMBER_INT
        || s.token() == JsonToken.VALUE_NUMBER_FLOAT;
  }
}
