package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("R-SEC-3 the secret of internal requests")
class InternalSecretTest {

  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);

  @Test
  @DisplayName("RESIDENT_INTERNAL_SECRET wins over the file; the file over a random secret")
  void sources(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("secret");
    Files.writeString(file, A + "\n");
    assertThat(InternalSecret.resolve(Map.of(InternalSecret.ENV, B), file, new SecureRandom()).source())
        .isEqualTo("the environment variable RESIDENT_INTERNAL_SECRET");
    InternalSecret fromFile = InternalSecret.resolve(Map.of(), file, new SecureRandom());
    assertThat(fromFile.source()).startsWith("resident.internal_secret_file");
    assertThat(fromFile.keys()).hasSize(1);
    assertThat(InternalSecret.resolve(Map.of(), null, new SecureRandom()).source()).isEqualTo("random per host");
  }

  @Test
  @DisplayName("several secrets, one per line or comma-separated: the first signs, all verify")
  void several() {
    InternalSecret both = InternalSecret.parse(A + ",\n " + B, "test");
    assertThat(both.keys()).hasSize(2);
    assertThat(new String(both.keys().get(0))).isEqualTo(A);
    assertThat(both.toString()).doesNotContain(A).contains("2 keys");
  }

  @Test
  @DisplayName("a short or empty secret, or an unreadable file, is refused without showing the secret")
  void refused(@TempDir Path dir) {
    assertThatThrownBy(() -> InternalSecret.parse("short-secret", "test"))
        .hasMessageContaining("at least 32").hasMessageNotContaining("short-secret");
    assertThatThrownBy(() -> InternalSecret.parse(" \n ", "test")).hasMessageContaining("empty");
    assertThatThrownBy(() -> InternalSecret.resolve(Map.of(), dir.resolve("missing"), new SecureRandom()))
        .hasMessageContaining("cannot be read");
  }
}
