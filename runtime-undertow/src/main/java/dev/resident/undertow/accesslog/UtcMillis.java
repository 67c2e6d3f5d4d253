package dev.resident.undertow.accesslog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes instants as ISO-8601 UTC text to the millisecond ({@code 2026-12-04T04:02:49.123Z}), formatting
 * the date and time once per second: the access lines of a second share it. One thread only.
 */
final class UtcMillis {

  private static final DateTimeFormatter TO_SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private long second = Long.MIN_VALUE;
  private String secondText;

  /**
   * Appends {@code instant} to {@code text}.
   *
   * @param instant the instant
   * @param text where it goes
   * @return {@code text}
   */
  StringBuilder append(Instant instant, StringBuilder text) {
    long epochSecond = instant.getEpochSecond();
    if (epochSecond != second) {
      second = epochSecond;
      secondText = TO_SECOND.format(Instant.ofEpochSecond(epochSecond));
    }
    int millis = instant.getNano() / 1_000_000;
    text.append(secondText).append('.');
    if (millis < 100) {
      text.append('0');
    }
    if (millis < 10) {
      text.append('0');
    }
    return text.append(millis).append('Z');
  }
}
