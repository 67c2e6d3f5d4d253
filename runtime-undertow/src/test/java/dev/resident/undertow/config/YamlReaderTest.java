package dev.resident.undertow.config;

import static dev.resident.undertow.config.Fixtures.load;
import static dev.resident.undertow.config.Fixtures.problems;
import static dev.resident.undertow.config.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading yaml with places, and telling file kinds apart (R-CFG-3, R-CFG-4, R-CFG-5). */
class YamlReaderTest {

  @Test
  @DisplayName("R-CFG-5 every key and value keeps its line and column")
  void locations() {
    Problems problems = new Problems();

    YamlNode doc =
        YamlReader.read(yaml("a.yaml", "# c\nversion: 1\nlist:\n  - x: \"q\"\n"), problems).orElseThrow();

    YamlNode.Mapping root = (YamlNode.Mapping) doc;
    YamlNode.Entry version = root.entry("version").orElseThrow();
    assertThat(version.keyOrigin()).isEqualTo(new Origin("a.yaml", 2, 1));
    assertThat(version.value())
        .isEqualTo(new YamlNode.Scalar(JsonToken.VALUE_NUMBER_INT, "1", new Origin("a.yaml", 2, 10)));
    YamlNode.Sequence list = (YamlNode.Sequence) root.entry("list").orElseThrow().value();
    YamlNode.Mapping item = (YamlNode.Mapping) list.items().get(0);
    assertThat(item.entry("x").orElseThrow().value().describe()).isEqualTo("\"q\"");
    assertThat(item.entry("x").orElseThrow().value().origin()).isEqualTo(new Origin("a.yaml", 4, 8));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  @DisplayName("R-CFG-5 a yaml syntax error is reported where Jackson finds it")
  void syntaxError() {
    assertThat(problems(yaml("app.yaml", "version: v1\n  bad: x\n")))
        .containsExactly("app.yaml:2:6: invalid yaml: mapping values are not allowed here");
  }

  @Test
  @DisplayName("R-CFG-5 a document nested deeper than the parser allows is a located problem, not an escape")
  void tooDeep() {
    String deep = "version: v1\nx: " + "[".repeat(1001) + "1" + "]".repeat(1001) + "\n";
    assertThat(problems(yaml("app.yaml", deep))).singleElement().satisfies(problem -> assertThat(problem)
        .startsWith("app.yaml:2:")
        .contains("invalid yaml: Document nesting depth (1001) exceeds the maximum allowed (1000"));
  }

  @Test
  @DisplayName("R-CFG-5 syntax errors of several files are reported together")
  void syntaxErrorsOfAllFiles() {
    assertThat(problems(yaml("app.yaml", "version: [v1\n"), yaml("w.yaml", "version: v1\n  bad: x\n")))
        .containsExactly(
            "app.yaml:1:13: invalid yaml: while parsing a flow sequence; expected ',' or ']', but got"
                + " <stream end>",
            "w.yaml:2:6: invalid yaml: mapping values are not allowed here");
  }

  @Test
  @DisplayName("R-CFG-5 a file holds one yaml document")
  void oneDocument() {
    assertThat(problems(yaml("app.yaml", "version: v1\n---\nversion: v2\n")))
        .containsExactly("app.yaml:3:1: the file must hold one yaml document, found a second one");
  }

  @Test
  @DisplayName("R-CFG-3 backends files: by name, as a list, or under a single backends key")
  void backendsKinds() {
    YamlNode list = new YamlNode.Sequence(java.util.List.of(), Origin.startOf("x.yaml"));
    YamlNode empty = new YamlNode.Mapping(java.util.List.of(), Origin.startOf("x.yaml"));

    assertThat(FileKind.of(yaml("conf/backends.yaml", ""), empty)).isEqualTo(FileKind.BACKENDS);
    assertThat(FileKind.of(yaml("backends.yml", ""), empty)).isEqualTo(FileKind.BACKENDS);
    assertThat(FileKind.of(yaml("x.yaml", ""), list)).isEqualTo(FileKind.BACKENDS);
    assertThat(load(Fixtures.app(), yaml("b.yaml", "backends:\n- name: w\n")).application().module("w"))
        .isPresent();
    assertThat(FileKind.of(yaml("x.yaml", ""), empty)).isEqualTo(FileKind.MODULE);
  }

  @Test
  @DisplayName("R-CFG-4 a mapping with a dispatch key is a dispatch file")
  void dispatchKind() {
    var dispatch = yaml("routes.yaml", "dispatch:\n- url: \"*/a/*\"\n  module: default\n");

    assertThat(load(Fixtures.app(), dispatch).application().dispatch()).hasSize(1);
  }

  @Test
  @DisplayName("R-CFG-5 an empty module file lacks its version")
  void emptyFile() {
    assertThat(problems(yaml("app.yaml", "")))
        .containsExactly(
            "app.yaml:1:1: version must be a name of 1 to 63 letters, digits and hyphens, not starting"
                + " or ending with a hyphen, found nothing");
  }
}
