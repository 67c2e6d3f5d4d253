package dev.resident.undertow.instance;

import dev.resident.undertow.config.ResidentSettings;
import java.time.Duration;

/**
 * The wait before a failed manual instance is restarted (R-LIFE-2): the first wait, doubling after each
 * failure up to 30 s, and back to the first once an instance serves. Guarded by its slot.
 */
final class RestartBackoff {

  private final Duration first;
  private Duration next;

  RestartBackoff(Duration first) {
    this.first = first;
    this.next = first;
  }

  Duration nextDelay() {
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(ResidentSettings.MAX_START_RETRY_BACKOFF) > 0
        ? ResidentSettings.MAX_START_RETRY_BACKOFF
        : doubled;
    return delay;
  }

  void reset() {
    next = first;
  }

  @Override
  public String toString() {
    return "restart-backoff(" + first + " doubling to " + ResidentSettings.MAX_START_RETRY_BACKOFF + ")";
  }
}
