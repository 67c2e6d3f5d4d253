package dev.resident.undertow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.resident.undertow.time.HostClock;
import java.time.Duration;

/**
 * The nonces of accepted signatures, each remembered until its signature can no longer be accepted, so
 * that a signature is accepted once (R-SEC-3). Bounded: when full, new signatures are refused rather than
 * old nonces forgotten early.
 */
final class NonceLedger {

  private final Cache<String, Boolean> seen;
  private final long capacity;

  /**
   * @param clock the host's clock; entries expire on its time
   * @param retention how long a nonce is remembered: twice the window, as a signature may be dated ahead
   * @param capacity the most nonces remembered at once
   */
  NonceLedger(HostClock clock, Duration retention, long capacity) {
    this.capacity = capacity;
    this.seen = Caffeine.newBuilder()
        .ticker(clock::nanoTime)
        .executor(Runnable::run)
        .expireAfterWrite(retention)
        .maximumSize(capacity + 1)
        .build();
  }

  /** The answer for one nonce. */
  enum Use { FIRST, REPLAYED, FULL }

  Use use(String nonce) {
    if (seen.estimatedSize() >= capacity) {
      seen.cleanUp();
      if (seen.estimatedSize() >= capacity) {
        return Use.FULL;
      }
    }
    return seen.asMap().putIfAbsent(nonce, Boolean.TRUE) == null ? Use.FIRST : Use.REPLAYED;
  }

  @Override
  public String toString() {
    return "nonce-ledger(" + seen.estimatedSize() + " of " + capacity + ")";
  }
}
