package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-1 which paths an access rule covers")
class UrlPatternTest {

  @Test
  @DisplayName("servlet patterns: prefix, exact, extension, everything")
  void servletPatterns() {
    UrlPattern admin = UrlPattern.of("/admin/*");
    assertThat(admin.matches("/admin")).isTrue();
    assertThat(admin.matches("/admin/")).isTrue();
    assertThat(admin.matches("/admin/users")).isTrue();
    assertThat(admin.matches("/administrator")).isFalse();
    assertThat(UrlPattern.of("/pay").matches("/pay")).isTrue();
    assertThat(UrlPattern.of("/pay").matches("/pay/")).isTrue();
    assertThat(UrlPattern.of("/pay").matches("/payment")).isFalse();
    assertThat(UrlPattern.of("*.jsp").matches("/a/b.jsp")).isTrue();
    assertThat(UrlPattern.of("*.jsp").matches("/a/.jsp")).isFalse();
    assertThat(UrlPattern.of("*.jsp").matches("/a/b.jspx")).isFalse();
    assertThat(UrlPattern.of("/*").matches("/anything")).isTrue();
    assertThat(UrlPattern.of("/").matches("/anything")).isTrue();
  }

  @Test
  @DisplayName("regular expressions and odd patterns cover every path that starts with their literal part")
  void otherPatterns() {
    assertThat(UrlPattern.of("/files/(.*)\\.txt").matches("/files/hello.txt")).isTrue();
    assertThat(UrlPattern.of("/files/(.*)\\.txt").matches("/files/x.png")).isTrue();
    assertThat(UrlPattern.of("/files/(.*)\\.txt").matches("/other")).isFalse();
    assertThat(UrlPattern.of("/admin.*").matches("/adminX")).isTrue();
    assertThat(UrlPattern.of("/admin*").matches("/administrator")).isTrue();
    assertThat(UrlPattern.of("/a|/b").matches("/b")).isTrue();
  }

  @Test
  @DisplayName("paths are canonical before matching: dot segments, repeated slashes and backslashes")
  void canonical() {
    assertThat(CanonicalPath.of("/public/../admin/x")).isEqualTo("/admin/x");
    assertThat(CanonicalPath.of("//admin//x")).isEqualTo("/admin/x");
    assertThat(CanonicalPath.of("/./admin/x")).isEqualTo("/admin/x");
    assertThat(CanonicalPath.of("/x\\..\\admin")).isEqualTo("/admin");
    assertThat(CanonicalPath.of("")).isEqualTo("/");
  }
}
