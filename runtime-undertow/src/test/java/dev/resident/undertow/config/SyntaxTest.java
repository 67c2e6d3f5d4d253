package dev.resident.undertow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations, sizes and key suggestions (R-CFG-5, R-CFG-6). */
class SyntaxTest {

  @Test
  @DisplayName("R-CFG-6 durations: 250ms, 10s, 1.5s, 5m, 1h")
  void durations() {
    assertThat(DurationSyntax.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(DurationSyntax.parse("10s")).contains(Duration.ofSeconds(10));
    assertThat(DurationSyntax.parse("1.5s")).contains(Duration.ofMillis(1500));
    assertThat(DurationSyntax.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(DurationSyntax.parse("1h")).contains(Duration.ofHours(1));
    assertThat(DurationSyntax.parse("0s")).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "10 s", "-1s", "1d", "s", "1.s", "10S", "99999999999999h"})
  @DisplayName("R-CFG-6 what is not a duration")
  void notDurations(String text) {
    assertThat(DurationSyntax.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("R-CFG-5 durations in messages use the largest exact unit")
  void durationFormat() {
    assertThat(DurationSyntax.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(DurationSyntax.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(DurationSyntax.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationSyntax.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
    assertThat(DurationSyntax.format(Duration.ZERO)).isEqualTo("0h");
  }

  @Test
  @DisplayName("R-REQ-6 sizes: 512B, 8KB, 32MB, 1GB, plain bytes; units in any case")
  void sizes() {
    assertThat(SizeSyntax.parse("512B")).hasValue(512);
    assertThat(SizeSyntax.parse("8KB")).hasValue(8 * 1024);
    assertThat(SizeSyntax.parse("32MB")).hasValue(32L * 1024 * 1024);
    assertThat(SizeSyntax.parse("1GB")).hasValue(1L << 30);
    assertThat(SizeSyntax.parse("32mb")).hasValue(32L * 1024 * 1024);
    assertThat(SizeSyntax.parse("1048576")).hasValue(1048576);
  }

  @ParameterizedTest
  @ValueSource(strings = {"32 MB", "1.5MB", "-1", "MB", "8K", "1TB", "99999999999GB"})
  @DisplayName("R-REQ-6 what is not a size")
  void notSizes(String text) {
    assertThat(SizeSyntax.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("R-CFG-5 sizes in messages use the largest exact unit")
  void sizeFormat() {
    assertThat(SizeSyntax.format(32L * 1024 * 1024)).isEqualTo("32MB");
    assertThat(SizeSyntax.format(1)).isEqualTo("1B");
    assertThat(SizeSyntax.format(1500)).isEqualTo("1500B");
  }

  @Test
  @DisplayName("R-CFG-5 suggestions are at most two edits away")
  void suggestions() {
    List<String> keys = List.of("instances", "max_instances", "idle_timeout");

    assertThat(Suggestions.closest("instnaces", keys)).contains("instances");
    assertThat(Suggestions.closest("max_instance", keys)).contains("max_instances");
    assertThat(Suggestions.closest("colour", keys)).isEmpty();
    assertThat(Suggestions.closest("ab", List.of("cd"))).isEmpty();
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }
}
