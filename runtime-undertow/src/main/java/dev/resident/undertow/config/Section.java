package dev.resident.undertow.config;

import java.util.List;
import java.util.Optional;

/**
 * A yaml mapping being read: its values by key, each read by a {@link Rule} and reported under its field
 * path when not allowed or missing.
 */
final class Section {
  private final YamlNode.Mapping mapping;
  private final String path;
  private final Problems problems;

  private Section(YamlNode.Mapping mapping, String path, Problems problems) {
    this.mapping = mapping;
    this.path = path;
    this.problems = problems;
  }

  /**
   * Starts reading a node that must be a mapping; checks its keys.
   *
   * @param node the node
   * @param path its field path, empty at the top of a file
   * @param keys the keys it may hold
   * @param problems where to report
   * @return the section, or empty (reported) when the node is not a mapping
   */
  static Optional<Section> of(YamlNode node, String path, KeySet keys, Problems problems) {
    if (node instanceof YamlNode.Mapping m) {
      keys.check(m, path, problems);
      return Optional.of(new Section(m, path, problems));
    }
    if (path.isEmpty()) {
      problems.error(
          node.origin(), "", "the file must be " + keys.describe() + ", found " + node.describe());
    } else {
      problems.invalid(node, path, keys.describe());
    }
    return Optional.empty();
  }

  /**
   * Joins a field path and a key.
   *
   * @param path the path, possibly empty
   * @param key the key
   * @return {@code path.key}, or {@code key} when the path is empty
   */
  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * Returns the field path of a key of this mapping.
   *
   * @param key the key
   * @return such as {@code manual_scaling.instances}
   */
  String field(String key) {
    return join(path, key);
  }

  /**
   * Returns the field path of the mapping itself.
   *
   * @return such as {@code handlers[0]}; empty at the top of a file
   */
  String path() {
    return path;
  }

  /**
   * Returns where the mapping starts: the place reported for missing keys.
   *
   * @return the origin
   */
  Origin origin() {
    return mapping.origin();
  }

  /**
   * Returns the problems this section reports to.
   *
   * @return the problems
   */
  Problems problems() {
    return problems;
  }

  /**
   * Finds the entry of a key.
   *
   * @param key the key
   * @return the first entry of that key, or empty
   */
  Optional<YamlNode.Entry> entry(String key) {
    return mapping.entry(key);
  }

  /**
   * Returns every entry, in the order written.
   *
   * @return the entries
   */
  List<YamlNode.Entry> entries() {
    return mapping.entries();
  }

  /**
   * Reports that the value of a present key is not allowed, for rules that span several keys.
   *
   * @param key the key
   * @param allowed what is allowed
   */
  void reject(String key, String allowed) {
    node(key).ifPresent(n -> problems.invalid(n, field(key), allowed));
  }

  /**
   * Chooses between a key and its other name, reporting when both are given.
   *
   * @param key the key, such as {@code module}
   * @param alias its other name, such as {@code service}
   * @return the alias when only it is given, the key otherwise
   */
  String keyOrAlias(String key, String alias) {
    if (has(key) && has(alias)) {
      reject(alias, "absent when " + key + " is given (" + alias + " is another name for " + key + ")");
    }
    return has(alias) && !has(key) ? alias : key;
  }

  /**
   * Returns the value of a key.
   *
   * @param key the key
   * @return the node, or empty when the key is absent
   */
  Optional<YamlNode> node(String key) {
    return entry(key).map(YamlNode.Entry::value);
  }

  /**
   * Tells whether a key is present.
   *
   * @param key the key
   * @return true when present
   */
  boolean has(String key) {
    return entry(key).isPresent();
  }

  /**
   * Starts reading the mapping under a key.
   *
   * @param key the key
   * @param keys the keys that mapping may hold
   * @return the section, or empty when the key is absent or (reported) not a mapping
   */
  Optional<Section> section(String key, KeySet keys) {
    return node(key).flatMap(n -> of(n, field(key), keys, problems));
  }

  /**
   * Reads an optional value with its place.
   *
   * @param key the key
   * @param rule what is allowed
   * @param <T> the value type
   * @return the value, or empty when absent or (reported) not allowed
   */
  <T> Optional<Located<T>> located(String key, Rule<T> rule) {
    Optional<YamlNode> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> value = rule.read(node.get());
    if (value.isEmpty()) {
      problems.invalid(node.get(), field(key), rule.allowed());
      return Optional.empty();
    }
    return Optional.of(new Located<>(value.get(), node.get().origin()));
  }

  /**
   * Reads an optional value.
   *
   * @param key the key
   * @param rule what is allowed
   * @param <T> the value type
   * @return the value, or empty when absent or (reported) not allowed
   */
  <T> Optional<T> optional(String key, Rule<T> rule) {
    return located(key, rule).map(Located::value);
  }

  /**
   * Reads a value, or returns a default.
   *
   * @param key the key
   * @param rule what is allowed
   * @param otherwise the value when absent or not allowed
   * @param <T> the value type
   * @return the value
   */
  <T> T get(String key, Rule<T> rule, T otherwise) {
    return optional(key, rule).orElse(otherwise);
  }

  /**
   * Reads a required value; reports its absence at the start of the mapping.
   *
   * @param key the key
   * @param rule what is allowed
   * @param <T> the value type
   * @return the value, or empty when (reported) absent or not allowed
   */
  <T> Optional<Located<T>> required(String key, Rule<T> rule) {
    if (!has(key)) {
      problems.missing(origin(), field(key), rule.allowed());
    }
    return located(key, rule);
  }
}
