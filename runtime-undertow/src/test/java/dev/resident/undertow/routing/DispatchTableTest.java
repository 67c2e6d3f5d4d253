package dev.resident.undertow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.undertow.config.DispatchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

class DispatchTableTest {

  /**
   * The application of seed 004 ("simple-sample": a default module, mobile-frontend for mobile requests and
   * my-module for the static backend work). The seed names dispatch.yaml but shows no rules; these are the
   * rules such an application writes.
   */
  private static final DispatchTable SIMPLE_SAMPLE = DispatchTable.compile(List.of(
      new DispatchRule("*/favicon.ico", "default"),
      new DispatchRule("simple-sample.example.com/", "default"),
      new DispatchRule("*/mobile/*", "mobile-frontend"),
      new DispatchRule("*/work/*", "my-module")));

  @ParameterizedTest(name = "{0}{1} -> {2}")
  @CsvSource(
      value = {
        "simple-sample.example.com, /favicon.ico, default",
        "m.example.org, /favicon.ico, default",
        "simple-sample.example.com, /, default",
        "simple-sample.example.com, /mobile/index.html, mobile-frontend",
        "localhost, /mobile/, mobile-frontend",
        "simple-sample.example.com, /work/export, my-module",
        "10.0.0.1, /work/a/b, my-module",
        "simple-sample.example.com, /about, NONE",
        "other.example.com, /, NONE",
        "simple-sample.example.com, /mobile, NONE"
      },
      nullValues = "NONE")
  @DisplayName("R-CFG-4 the dispatch rules of seed 004's simple-sample application")
  void seedExample(String host, String path, String module) {
    assertThat(SIMPLE_SAMPLE.moduleFor(host, path)).isEqualTo(Optional.ofNullable(module));
  }

  @Test
  @DisplayName("R-CFG-4 first matching rule wins")
  void firstMatchWins() {
    DispatchTable table = new DispatchTable(List.of(
        rule("*/api/admin/*", "admin"),
        rule("*/api/*", "api"),
        rule("*/*", "default")));
    assertThat(table.moduleFor("example.com", "/api/admin/users")).contains("admin");
    assertThat(table.moduleFor("example.com", "/api/users")).contains("api");
    assertThat(table.moduleFor("example.com", "/index.html")).contains("default");

    DispatchTable reversed = new DispatchTable(List.of(
        rule("*/*", "default"),
        rule("*/api/*", "api"),
        rule("*/api/admin/*", "admin")));
    assertThat(reversed.moduleFor("example.com", "/api/admin/users")).contains("default");
  }

  @Test
  @DisplayName("R-CFG-4 host rules and path rules combine in order")
  void hostRules() {
    DispatchTable table = new DispatchTable(List.of(
        rule("*.mobile.example.com/*", "mobile-frontend"),
        rule("*/work/*", "my-module")));
    assertThat(table.moduleFor("EU.Mobile.Example.com", "/work/x")).contains("mobile-frontend");
    assertThat(table.moduleFor("www.example.com", "/work/x")).contains("my-module");
    assertThat(table.moduleFor("www.example.com", "/")).isEmpty();
  }

  @Test
  @DisplayName("R-HOST-3 no rule matches: the request goes on to host-based routing")
  void noMatch() {
    assertThat(DispatchTable.empty().moduleFor("example.com", "/")).isEmpty();
    assertThat(DispatchTable.empty().rules()).isEmpty();
    assertThat(SIMPLE_SAMPLE.moduleFor(null, "/about")).isEmpty();
    assertThat(SIMPLE_SAMPLE.moduleFor(null, "/mobile/x")).contains("mobile-frontend");
  }

  @Test
  @DisplayName("R-CFG-4 at most 20 rules")
  void twentyRules() {
    List<DispatchTable.Rule> twenty =
        IntStream.range(0, 20).mapToObj(i -> rule("*/p" + i + "/*", "m" + i)).toList();
    DispatchTable table = new DispatchTable(twenty);
    assertThat(table.rules()).hasSize(DispatchTable.MAX_RULES);
    assertThat(table.moduleFor("example.com", "/p19/x")).contains("m19");

    List<DispatchTable.Rule> twentyOne =
        IntStream.range(0, 21).mapToObj(i -> rule("*/p" + i + "/*", "m" + i)).toList();
    assertThatThrownBy(() -> new DispatchTable(twentyOne))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dispatch must have at most 20 rules, found 21");
  }

  @Test
  @DisplayName("R-CFG-5 a bad url is reported with the index of its rule")
  void compileNamesTheRule() {
    List<DispatchRule> rules = List.of(
        new DispatchRule("*/a/*", "a"),
        new DispatchRule("*/b/*", "b"),
        new DispatchRule("*/c*/d", "c"));
    assertThatThrownBy(() -> DispatchTable.compile(rules))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dispatch[2].url must be host/path with '*' only at the start of the host")
        .hasMessageEndingWith("found \"*/c*/d\" (a '*' inside the path)");
  }

  @Test
  @DisplayName("R-CFG-4 a rule needs a pattern and a module")
  void ruleParts() {
    DispatchPattern any = DispatchPattern.parse("*/*");
    assertThatThrownBy(() -> new DispatchTable.Rule(null, "m")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DispatchTable.Rule(any, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DispatchTable.Rule(any, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the module of dispatch rule */* is empty");
  }

  @Test
  @DisplayName("R-CFG-4 the table reads as its rules in order")
  void readable() {
    assertThat(SIMPLE_SAMPLE).hasToString(
        "dispatch( */favicon.ico -> default, simple-sample.example.com/ -> default,"
            + " */mobile/* -> mobile-frontend, */work/* -> my-module )");
    assertThat(DispatchTable.empty()).hasToString("dispatch( none )");
  }

  private static DispatchTable.Rule rule(String url, String module) {
    return new DispatchTable.Rule(DispatchPattern.parse(url), module);
  }
}
