package dev.resident.undertow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class DispatchPatternTest {

  private static final String ALLOWED =
      "must be host/path with '*' only at the start of the host and at the end of the path, at most 100"
          + " characters, such as \"*/mobile/*\", \"*.example.com/*\" or \"example.com/favicon.ico\"; found ";

  @Nested
  @DisplayName("R-CFG-4 host part")
  class Host {

    @ParameterizedTest(name = "\"*\" matches host \"{0}\"")
    @CsvSource(
        value = {"example.com", "a.b.example.com", "localhost", "10.0.0.1", "[::1]", "''", "NULL"},
        nullValues = "NULL")
    @DisplayName("R-CFG-4 '*' matches every host, even none")
    void starMatchesEveryHost(String host) {
      assertThat(DispatchPattern.parse("*/*").matches(host, "/")).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource({
      "*.example.com/*, m.example.com, true",
      "*.example.com/*, a.b.example.com, true",
      "*.example.com/*, example.com, false",
      "*.example.com/*, badexample.com, false",
      "*.example.com/*, example.com.evil.org, false",
      "*example.com/*, example.com, true",
      "*example.com/*, m.example.com, true",
      "*example.com/*, myexample.com, true",
      "*-eu.example.com/*, shop-eu.example.com, true",
      "*-eu.example.com/*, shop.example.com, false",
      "simple-sample.example.com/*, simple-sample.example.com, true",
      "simple-sample.example.com/*, www.simple-sample.example.com, false",
      "simple-sample.example.com/*, sample.example.com, false",
      "10.0.0.1/*, 10.0.0.1, true"
    })
    @DisplayName("R-CFG-4 a leading '*' matches a suffix; otherwise the host must be equal")
    void suffixAndExactHosts(String pattern, String host, boolean matches) {
      assertThat(DispatchPattern.parse(pattern).matches(host, "/x")).isEqualTo(matches);
    }

    @ParameterizedTest(name = "\"{0}\" matches host \"{1}\"")
    @CsvSource({
      "*.Example.COM/*, m.example.com",
      "*.example.com/*, M.EXAMPLE.Com",
      "Simple-Sample.example.com/*, simple-sample.EXAMPLE.com",
      "simple-sample.example.com/*, SIMPLE-SAMPLE.example.com"
    })
    @DisplayName("R-CFG-4 hosts are compared without regard to case")
    void hostsIgnoreCase(String pattern, String host) {
      assertThat(DispatchPattern.parse(pattern).matches(host, "/")).isTrue();
    }

    @Test
    @DisplayName("R-CFG-4 a host pattern needs a host in the request")
    void namedHostNeedsAHost() {
      assertThat(DispatchPattern.parse("*.example.com/*").matches(null, "/")).isFalse();
      assertThat(DispatchPattern.parse("example.com/*").matches(null, "/")).isFalse();
      assertThat(DispatchPattern.parse("example.com/*").matches("", "/")).isFalse();
    }
  }

  @Nested
  @DisplayName("R-CFG-4 path part")
  class Path {

    @ParameterizedTest(name = "\"{0}\" matches path \"{1}\": {2}")
    @CsvSource({
      "*/mobile/*, /mobile/, true",
      "*/mobile/*, /mobile/index.html, true",
      "*/mobile/*, /mobile/a/b/c, true",
      "*/mobile/*, /mobile, false",
      "*/mobile/*, /mobiles/x, false",
      "*/mobile/*, /m/mobile/x, false",
      "*/mobile*, /mobile, true",
      "*/mobile*, /mobiles/x, true",
      "*/*, /, true",
      "*/*, /anything/at/all, true",
      "*/favicon.ico, /favicon.ico, true",
      "*/favicon.ico, /favicon.ico2, false",
      "*/favicon.ico, /img/favicon.ico, false",
      "*/, /, true",
      "*/, /x, false"
    })
    @DisplayName("R-CFG-4 a trailing '*' matches a prefix; otherwise the path must be equal")
    void prefixAndExactPaths(String pattern, String path, boolean matches) {
      assertThat(DispatchPattern.parse(pattern).matches("example.com", path)).isEqualTo(matches);
    }

    @Test
    @DisplayName("R-CFG-4 paths are compared with case")
    void pathsKeepCase() {
      assertThat(DispatchPattern.parse("*/Mobile/*").matches("example.com", "/Mobile/x")).isTrue();
      assertThat(DispatchPattern.parse("*/Mobile/*").matches("example.com", "/mobile/x")).isFalse();
      assertThat(DispatchPattern.parse("*/favicon.ico").matches("example.com", "/FAVICON.ICO")).isFalse();
    }

    @Test
    @DisplayName("R-CFG-4 host and path must both match")
    void bothParts() {
      DispatchPattern pattern = DispatchPattern.parse("*.example.com/mobile/*");
      assertThat(pattern.matches("m.example.com", "/mobile/x")).isTrue();
      assertThat(pattern.matches("m.example.com", "/work/x")).isFalse();
      assertThat(pattern.matches("m.example.org", "/mobile/x")).isFalse();
    }
  }

  @Nested
  @DisplayName("R-CFG-4 forms App Engine rejects")
  class Rejected {

    static Stream<Arguments> badForms() {
      return Stream.of(
          Arguments.of("mobile/*/x", "a '*' inside the path"),
          Arguments.of("*/mobile/*/x", "a '*' inside the path"),
          Arguments.of("*/**", "a '*' inside the path"),
          Arguments.of("*/*.ico", "a '*' inside the path"),
          Arguments.of("m.*.example.com/*", "a '*' inside the host"),
          Arguments.of("example.*/*", "a '*' inside the host"),
          Arguments.of("**.example.com/*", "a '*' inside the host"),
          Arguments.of("*", "no path; \"/*\" matches every path"),
          Arguments.of("example.com", "no path; \"/*\" matches every path"),
          Arguments.of("/mobile/*", "no host; \"*\" matches every host"),
          Arguments.of("http://example.com/*", "a scheme; leave out \"http://\""),
          Arguments.of("https://*/mobile/*", "a scheme; leave out \"https://\""),
          Arguments.of("example.com:8080/*", "a port; patterns match the host name only"),
          Arguments.of("*:8080/*", "a port; patterns match the host name only"),
          Arguments.of("*/search?q=*", "a query or fragment; patterns match the path only"),
          Arguments.of("*/page#top", "a query or fragment; patterns match the path only"),
          Arguments.of("*/my page", "a space or control character in the path"),
          Arguments.of("*/tab\there", "a space or control character in the path"),
          Arguments.of("*./*", "an empty label in the host \"*.\""),
          Arguments.of("a..example.com/*", "an empty label in the host \"a..example.com\""),
          Arguments.of("example.com./*", "an empty label in the host \"example.com.\""),
          Arguments.of("*..example.com/*", "an empty label in the host \"*..example.com\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badForms")
    @DisplayName("R-CFG-4 a bad pattern is rejected with what is allowed, what was found and why")
    void rejectedWithReason(String url, String reason) {
      assertThatThrownBy(() -> DispatchPattern.parse(url))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(ALLOWED + "\"" + url + "\" (" + reason + ")");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "ex_ample.com/*, ex_ample",
      "-example.com/*, -example",
      "example-.com/*, example-",
      "*.-x.com/*, -x",
      "*x-.com/*, x-",
      "exämple.com/*, exämple"
    })
    @DisplayName("R-CFG-4 a host label must be letters, digits and hyphens")
    void badHostLabels(String url, String label) {
      assertThatThrownBy(() -> DispatchPattern.parse(url))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              ALLOWED + "\"" + url + "\" (host label \"" + label
                  + "\" is not 1 to 63 letters, digits and hyphens with no hyphen at either end)");
    }

    @Test
    @DisplayName("R-CFG-4 a host label has at most 63 characters")
    void longLabel() {
      String label = "a".repeat(64);
      assertThat(DispatchPattern.parse("a".repeat(63) + ".com/*").matches("a".repeat(63) + ".com", "/"))
          .isTrue();
      assertThatThrownBy(() -> DispatchPattern.parse(label + ".com/*"))
          .hasMessageContaining("(host label \"" + label + "\" is not 1 to 63");
    }

    @Test
    @DisplayName("R-CFG-4 a pattern has at most 100 characters")
    void tooLong() {
      String longest = "*/" + "a".repeat(98);
      String url = longest + "b";
      assertThat(DispatchPattern.parse(longest).toString()).hasSize(100);
      assertThatThrownBy(() -> DispatchPattern.parse(url))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(ALLOWED + "\"" + url + "\" (101 characters)");
    }

    @Test
    @DisplayName("R-CFG-4 an empty or missing pattern is rejected")
    void emptyOrNull() {
      assertThatThrownBy(() -> DispatchPattern.parse(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(ALLOWED + "nothing");
      assertThatThrownBy(() -> DispatchPattern.parse(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(ALLOWED + "nothing");
    }

    @Test
    @DisplayName("R-CFG-5 the message completes a sentence about the field")
    void readsAfterFieldName() {
      assertThatThrownBy(() -> DispatchPattern.parse("*/a*b"))
          .satisfies(e -> assertThat("dispatch[2].url " + e.getMessage())
              .startsWith("dispatch[2].url must be host/path with '*' only at the start of the host")
              .endsWith("found \"*/a*b\" (a '*' inside the path)"));
    }
  }

  @Nested
  @DisplayName("R-CFG-4 the compiled pattern")
  class Compiled {

    @Test
    @DisplayName("R-CFG-4 prints as written, host in lower case, and equals the same text")
    void textAndEquality() {
      DispatchPattern pattern = DispatchPattern.parse("*.Example.com/Mobile/*");
      assertThat(pattern).hasToString("*.example.com/Mobile/*");
      assertThat(pattern).isEqualTo(DispatchPattern.parse("*.example.COM/Mobile/*"));
      assertThat(pattern).hasSameHashCodeAs(DispatchPattern.parse("*.example.COM/Mobile/*"));
      assertThat(pattern).isNotEqualTo(DispatchPattern.parse("*.example.com/mobile/*"));
    }
  }
}
