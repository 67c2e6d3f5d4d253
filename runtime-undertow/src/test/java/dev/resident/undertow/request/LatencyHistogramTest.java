package dev.resident.undertow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The request breakdown's histogram (issue 15): buckets within 1/16 of their values, quantiles by rank. */
class LatencyHistogramTest {

  @Test
  @DisplayName("every value falls in a bucket whose upper bound is at most 1/16 above it")
  void bucketsAreTight() {
    Random random = new Random(15);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextInt(4) == 0 ? random.nextInt(64) : (long) Math.pow(2, random.nextDouble() * 40);
      int bucket = LatencyHistogram.bucketOf(value);
      long upper = LatencyHistogram.upperBound(bucket);
      assertThat(upper).as("upper bound of %d", value).isGreaterThanOrEqualTo(value);
      assertThat(upper - value).as("width at %d", value).isLessThanOrEqualTo(Math.max(0, value / 16));
      if (bucket > 0) {
        assertThat(LatencyHistogram.upperBound(bucket - 1)).as("previous bucket of %d", value).isLessThan(value);
      }
    }
  }

  @Test
  @DisplayName("quantiles come from ranks: 1..1000 us gives p50 near 500 us, p99 near 990 us, max near 1000 us")
  void quantiles() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int micros = 1; micros <= 1000; micros++) {
      histogram.add(micros * 1000L);
    }
    assertThat(histogram.count()).isEqualTo(1000);
    assertThat(histogram.quantile(0.5)).isBetween(500_000L, 500_000L + 500_000L / 16);
    assertThat(histogram.quantile(0.99)).isBetween(990_000L, 990_000L + 990_000L / 16);
    assertThat(histogram.quantile(1)).isBetween(1_000_000L, 1_000_000L + 1_000_000L / 16);
  }

  @Test
  @DisplayName("negative durations count as zero; reset forgets everything; empty reads zero")
  void edges() {
    LatencyHistogram histogram = new LatencyHistogram();
    assertThat(histogram.quantile(0.99)).isZero();
    histogram.add(-5);
    assertThat(histogram.count()).isEqualTo(1);
    assertThat(histogram.quantile(1)).isZero();
    histogram.add(Long.MAX_VALUE);
    assertThat(histogram.quantile(1)).isEqualTo(Long.MAX_VALUE);
    histogram.reset();
    assertThat(histogram.count()).isZero();
  }
}
