package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a yaml mapping may hold: those Resident reads, and those App Engine accepts that Resident
 * ignores with a warning (R-CFG-5).
 *
 * @param known the keys Resident reads, in the order messages list them
 * @param ignored the keys accepted and ignored with a warning
 * @param silent the keys accepted and ignored without a warning (such as {@code api_version})
 * @param open whether any other key is allowed too (a mapping of names to values, such as
 *     {@code env_variables})
 */
record KeySet(List<String> known, Set<String> ignored, Set<String> silent, boolean open) {

  KeySet {
    known = List.copyOf(known);
    ignored = Set.copyOf(ignored);
    silent = Set.copyOf(silent);
  }

  /**
   * Returns a key set without ignored keys.
   *
   * @param known the keys Resident reads
   * @return the key set
   */
  static KeySet of(String... known) {
    return new KeySet(List.of(known), Set.of(), Set.of(), false);
  }

  /**
   * Returns the key set of a mapping whose keys are names chosen by the user.
   *
   * @return a key set that allows every key once
   */
  static KeySet anyKey() {
    return new KeySet(List.of(), Set.of(), Set.of(), true);
  }

  /**
   * Words the mapping these keys make, for messages.
   *
   * @return such as {@code a mapping of instances} or {@code a mapping of names to values}
   */
  String describe() {
    return open ? "a mapping of names to values" : "a mapping of " + String.join(", ", known);
  }

  /**
   * Reports the unknown, ignored and duplicate keys of a mapping.
   *
   * @param mapping the mapping
   * @param path the field path of the mapping, empty at the top of a file
   * @param problems where to report
   */
  void check(YamlNode.Mapping mapping, String path, Problems problems) {
    Map<String, Origin> seen = new HashMap<>();
    for (YamlNode.Entry entry : mapping.entries()) {
      String key = entry.key();
      String field = Section.join(path, key);
      Origin first = seen.putIfAbsent(key, entry.keyOrigin());
      if (first != null) {
        problems.error(
            entry.keyOrigin(),
            field,
            "duplicate key " + field + "; the first is at " + first.line() + ":" + first.column());
      } else if (ignored.contains(key)) {
        problems.warning(
            entry.keyOrigin(), field, field + " is accepted for App Engine compatibility and ignored");
      } else if (!open && !known.contains(key) && !silent.contains(key)) {
        problems.error(entry.keyOrigin(), field, "unknown key " + field + hint(key));
      }
    }
  }

  private String hint(String key) {
    List<String> candidates = new ArrayList<>(known);
    candidates.addAll(ignored);
    return Suggestions.closest(key, candidates)
        .map(s -> "; did you mean " + s + "?")
        .orElse("; allowed keys: " + String.join(", ", known));
  }
}
