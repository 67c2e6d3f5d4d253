package dev.resident.undertow.request;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts durations in nanoseconds into log-linear buckets (16 per power of two: a bucket is at most 1/16
 * of its value wide), without locks or allocation; quantiles are read from the buckets.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 4;
  private static final int SUBS = 1 << SUB_BITS;
  /** Values below {@link #SUBS} ns each have a bucket; above, 16 buckets per power of two up to 2^63. */
  private static final int BUCKETS = SUBS + (64 - SUB_BITS) * SUBS;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** Counts one duration; a negative one counts as zero. */
  void add(long nanos) {
    counts.getAndIncrement(bucketOf(Math.max(0, nanos)));
  }

  void reset() {
    for (int i = 0; i < BUCKETS; i++) {
      counts.set(i, 0);
    }
  }

  /** Returns how many durations were counted. */
  long count() {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /**
   * Returns the upper bound of the bucket that holds the given quantile, or 0 when nothing was counted.
   *
   * @param quantile from 0 to 1
   */
  long quantile(double quantile) {
    long[] copy = new long[BUCKETS];
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      copy[i] = counts.get(i);
      total += copy[i];
    }
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(quantile * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += copy[i];
      if (seen >= rank) {
        return upperBound(i);
      }
    }
    return upperBound(BUCKETS - 1);
  }

  static int bucketOf(long nanos) {
    if (nanos < SUBS) {
      return (int) nanos;
    }
    int power = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) (nanos >>> (power - SUB_BITS)) & (SUBS - 1);
    return SUBS + (power - SUB_BITS) * SUBS + sub;
  }

  static long upperBound(int bucket) {
    if (bucket < SUBS) {
      return bucket;
    }
    int power = (bucket - SUBS) / SUBS + SUB_BITS;
    if (power >= 62) {
      return Long.MAX_VALUE;
    }
    long sub = (bucket - SUBS) % SUBS;
    long width = 1L << (power - SUB_BITS);
    return (1L << power) + (sub + 1) * width - 1;
  }
}
