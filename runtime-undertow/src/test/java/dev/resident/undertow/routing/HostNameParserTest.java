package dev.resident.undertow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

class HostNameParserTest {

  private static final Map<String, Set<String>> MODULES = Map.of(
      "default", Set.of("uno", "dos"),
      "worker", Set.of("v1", "v2"),
      "mobile-frontend", Set.of("uno"),
      "Reports", Set.of("Nightly"));

  private final HostNameParser parser = new HostNameParser("example.com", MODULES);

  @Nested
  @DisplayName("R-HOST-3 addresses below the domain")
  class Addresses {

    @ParameterizedTest(name = "{0} -> instance {1}, version {2}, module {3}")
    @CsvSource(
        value = {
          "worker.example.com, -, -, worker",
          "v1.worker.example.com, -, v1, worker",
          "v1-dot-worker.example.com, -, v1, worker",
          "1.v1.worker.example.com, 1, v1, worker",
          "1-dot-v1-dot-worker.example.com, 1, v1, worker",
          "1-dot-v1.worker.example.com, 1, v1, worker",
          "1.v1-dot-worker.example.com, 1, v1, worker",
          "0.v2.worker.example.com, 0, v2, worker",
          "mobile-frontend.example.com, -, -, mobile-frontend",
          "uno.mobile-frontend.example.com, -, uno, mobile-frontend",
          "uno-dot-mobile-frontend.example.com, -, uno, mobile-frontend",
          "0-dot-uno-dot-mobile-frontend.example.com, 0, uno, mobile-frontend",
          "default.example.com, -, -, default",
          "dos.default.example.com, -, dos, default",
          "3.dos.default.example.com, 3, dos, default"
        },
        nullValues = "-")
    @DisplayName("R-HOST-3 module, version.module and instance.version.module, with '.' or '-dot-'")
    void forms(String host, String instance, String version, String module) {
      assertThat(parser.parse(host)).contains(new HostAddress(instance, version, module));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dos.example.com", "dos-dot-default.example.com", "dos.default.example.com"})
    @DisplayName("R-HOST-3 a single label that is a version of the default module means that version")
    void versionOfDefault(String host) {
      assertThat(parser.parse(host)).contains(new HostAddress(null, "dos", "default"));
    }

    @Test
    @DisplayName("R-HOST-3 a version of default that is also a version elsewhere still means default")
    void sharedVersionName() {
      assertThat(parser.parse("uno.example.com")).contains(new HostAddress(null, "uno", "default"));
    }

    @Test
    @DisplayName("R-HOST-3 a module name wins over a version of default with the same name")
    void moduleWinsOverVersion() {
      HostNameParser shared = new HostNameParser(
          "example.com", Map.of("default", Set.of("v1", "batch"), "batch", Set.of("b1")));
      assertThat(shared.parse("batch.example.com")).contains(new HostAddress(null, null, "batch"));
      assertThat(shared.parse("v1.example.com")).contains(new HostAddress(null, "v1", "default"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
      "V1-DOT-Worker.EXAMPLE.com",
      "v1.WORKER.example.COM",
      "V1-Dot-worker.example.com"
    })
    @DisplayName("R-HOST-3 Host headers are read without regard to case")
    void caseInsensitive(String host) {
      assertThat(parser.parse(host)).contains(new HostAddress(null, "v1", "worker"));
    }

    @Test
    @DisplayName("R-HOST-3 the address carries the configured names; the instance in lower case")
    void configuredNames() {
      assertThat(parser.parse("nightly.reports.example.com"))
          .contains(new HostAddress(null, "Nightly", "Reports"));
      assertThat(parser.parse("A1F.NIGHTLY-DOT-REPORTS.example.com"))
          .contains(new HostAddress("a1f", "Nightly", "Reports"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
      "worker.example.com:8080",
      "worker.example.com:",
      "worker.example.com.",
      "worker.example.com.:443"
    })
    @DisplayName("R-HOST-3 the port and a trailing dot do not matter")
    void portAndTrailingDot(String host) {
      assertThat(parser.parse(host)).contains(new HostAddress(null, null, "worker"));
    }

    @Test
    @DisplayName("R-HOST-3 the -dot- form with a port")
    void dotFormWithPort() {
      assertThat(parser.parse("1-dot-v1-dot-worker.example.com:8443"))
          .contains(new HostAddress("1", "v1", "worker"))
          .isEqualTo(parser.parse("1.v1.worker.example.com:8443"));
    }

    @Test
    @DisplayName("R-HOST-3 a domain of localhost addresses modules on this machine")
    void localhostDomain() {
      HostNameParser local = new HostNameParser("localhost", MODULES);
      assertThat(local.parse("1.v1.worker.localhost:8080")).contains(new HostAddress("1", "v1", "worker"));
      assertThat(local.parse("localhost:8080")).isEmpty();
    }
  }

  @Nested
  @DisplayName("R-HOST-4 unknown names")
  class Unknown {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
      "nosuch.example.com",
      "v9.worker.example.com",
      "v9-dot-worker.example.com",
      "v1.nosuch.example.com",
      "1.v9.worker.example.com",
      "1-dot-v9-dot-worker.example.com",
      "1.v1.nosuch.example.com",
      "1.worker.example.com",
      "1.dos.example.com",
      "a.1.v1.worker.example.com",
      "a-dot-1-dot-v1-dot-worker.example.com",
      "dos.worker.example.com",
      "-dot-v1-dot-worker.example.com",
      ".v1.worker.example.com",
      "1..v1.worker.example.com",
      "a_b.v1.worker.example.com",
      "worker-dot-example.com"
    })
    @DisplayName("R-HOST-4 an unknown module or version: empty, the default module serves")
    void unknownModuleOrVersion(String host) {
      assertThat(parser.parse(host)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "99.v1.worker.example.com, 99, v1, worker",
      "99-dot-v1-dot-worker.example.com, 99, v1, worker",
      "ff00aa.v2.worker.example.com, ff00aa, v2, worker",
      "x.uno.mobile-frontend.example.com, x, uno, mobile-frontend"
    })
    @DisplayName("R-HOST-4 an unknown instance of a known version is returned, for the host's 404")
    void unknownInstance(String host, String instance, String version, String module) {
      assertThat(parser.parse(host)).contains(new HostAddress(instance, version, module));
    }
  }

  @Nested
  @DisplayName("R-HOST-3 hosts outside the domain")
  class Outside {

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
      "example.com",
      "example.com:8080",
      "worker.example.org",
      "worker.notexample.com",
      "worker.example.com.evil.org",
      "localhost",
      "localhost:8080",
      "127.0.0.1",
      "127.0.0.1:8080",
      "[::1]",
      "[::1]:8080",
      "::1",
      "[2001:db8::1]:443"
    })
    @DisplayName("R-HOST-3 a host not below the domain, localhost or an IP address: empty")
    void notBelowTheDomain(String host) {
      assertThat(parser.parse(host)).isEmpty();
    }

    @ParameterizedTest(name = "domain \"{0}\"")
    @NullAndEmptySource
    @DisplayName("R-HOST-3 with no domain configured no Host header addresses anything")
    void noDomain(String domain) {
      HostNameParser none = new HostNameParser(domain, MODULES);
      assertThat(none.parse("worker.example.com")).isEmpty();
      assertThat(none.parse("1.v1.worker")).isEmpty();
      assertThat(none).hasToString("host-names( no domain )");
    }
  }

  @Nested
  @DisplayName("R-HOST-3 the parser's configuration")
  class Configuration {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1.2.3.4", "exa_mple.com", ".example.com", "example.com.", "example..com", "-x.com"})
    @DisplayName("R-HOST-3 the domain must be a host name")
    void badDomain(String domain) {
      assertThatThrownBy(() -> new HostNameParser(domain, MODULES))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("domain must be a host name such as \"example.com\", not an IP address, found \""
              + domain + "\"");
    }

    @Test
    @DisplayName("R-HOST-3 the domain is read without regard to case")
    void domainCase() {
      HostNameParser upper = new HostNameParser("Example.COM", MODULES);
      assertThat(upper.parse("worker.example.com")).contains(new HostAddress(null, null, "worker"));
      assertThat(upper).hasToString("host-names( *.example.com )");
    }

    @Test
    @DisplayName("R-HOST-3 modules whose names differ only in case cannot be told apart")
    void modulesDifferingInCase() {
      Map<String, Set<String>> modules = new LinkedHashMap<>();
      modules.put("Worker", Set.of("v1"));
      modules.put("worker", Set.of("v1"));
      assertThatThrownBy(() -> new HostNameParser("example.com", modules))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "module names Worker and worker differ only in case; Host headers cannot tell them apart");
    }

    @Test
    @DisplayName("R-HOST-3 versions whose names differ only in case cannot be told apart")
    void versionsDifferingInCase() {
      Map<String, Set<String>> modules = Map.of("worker", new LinkedHashSet<>(List.of("V1", "v1")));
      assertThatThrownBy(() -> new HostNameParser("example.com", modules))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "versions V1 and v1 of module worker differ only in case; Host headers cannot tell them apart");
    }

    @Test
    @DisplayName("R-HOST-3 the map of modules is required")
    void modulesRequired() {
      assertThatThrownBy(() -> new HostNameParser("example.com", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("versionsByModule");
    }
  }

  @Nested
  @DisplayName("R-HOST-3 Host header values")
  class HostNames {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
      "example.com, example.com",
      "example.com:8080, example.com",
      "Example.COM:80, Example.COM",
      "example.com:, example.com",
      "example.com., example.com",
      "example.com.:8080, example.com",
      "127.0.0.1:8080, 127.0.0.1",
      "[::1]:8080, [::1]",
      "[::1], [::1]",
      "[2001:db8::1]:443, [2001:db8::1]",
      "::1, ::1",
      "2001:db8::1, 2001:db8::1",
      "[::1, [::1",
      "'', ''"
    })
    @DisplayName("R-HOST-3 the port is cut off, IPv6 literals included")
    void portCut(String header, String host) {
      assertThat(HostNameParser.hostName(header)).isEqualTo(host);
    }

    @Test
    @DisplayName("R-HOST-3 no Host header gives an empty host name")
    void noHeader() {
      assertThat(HostNameParser.hostName(null)).isEmpty();
    }

    @Test
    @DisplayName("R-CFG-4 dispatch patterns match the host name of a header with a port")
    void feedsDispatch() {
      DispatchPattern pattern = DispatchPattern.parse("*.example.com/mobile/*");
      assertThat(pattern.matches(HostNameParser.hostName("M.Example.com:8080"), "/mobile/x")).isTrue();
      assertThat(pattern.matches(HostNameParser.hostName("[::1]:8080"), "/mobile/x")).isFalse();
    }
  }
}
