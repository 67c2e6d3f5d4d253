package dev.resident.undertow.descriptor;

import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.Origin;
import dev.resident.undertow.config.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of the descriptors read here, worded as the config readers word theirs (R-CFG-5):
 * {@code <field> must be <allowed>, found <found>}, unknown elements with a suggestion, ignored ones as
 * warnings.
 */
final class Findings {
  private final List<ConfigProblem> problems = new ArrayList<>();

  void error(Origin at, String field, String message) {
    add(ConfigProblem.Severity.ERROR, at, field, message);
  }

  void warning(Origin at, String field, String message) {
    add(ConfigProblem.Severity.WARNING, at, field, message);
  }

  void mustBe(Origin at, String field, String allowed, String found) {
    error(at, field, field + " must be " + allowed + ", found " + found);
  }

  void addAll(List<ConfigProblem> found) {
    problems.addAll(found);
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(ConfigProblem::isError);
  }

  List<ConfigProblem> all() {
    return List.copyOf(problems);
  }

  /**
   * Reports the children of an element that are unknown (an error, with a suggestion), ignored (a
   * warning) or repeated when they may be given once.
   *
   * @param element the element
   * @param path its field path, such as {@code servlet}; empty for the root
   * @param known the children read, in the order messages list them
   * @param once those of {@code known} that may be given once only
   * @param ignored the children accepted and not used, with a warning
   * @param silent the children accepted and not used, without a warning (such as {@code description})
   */
  void checkChildren(XmlElement element, String path, List<String> known, Set<String> once,
      Set<String> ignored, Set<String> silent) {
    Map<String, Origin> seen = new HashMap<>();
    for (XmlElement child : element.children()) {
      String field = path.isEmpty() ? child.name() : path + "." + child.name();
      if (known.contains(child.name())) {
        Origin first = seen.putIfAbsent(child.name(), child.origin());
        if (first != null && once.contains(child.name())) {
          error(child.origin(), field, "duplicate element " + field + "; the first is at "
              + first.line() + ":" + first.column());
        }
      } else if (ignored.contains(child.name())) {
        warning(child.origin(), field, field + " is accepted for App Engine compatibility and ignored");
      } else if (!silent.contains(child.name())) {
        List<String> candidates = new ArrayList<>(known);
        candidates.addAll(ignored);
        String hint = Suggestions.closest(child.name(), candidates)
            .map(s -> "; did you mean " + s + "?")
            .orElse("; allowed elements: " + String.join(", ", known));
        error(child.origin(), field, "unknown element " + field + hint);
      }
    }
  }

  private void add(ConfigProblem.Severity severity, Origin at, String field, String message) {
    problems.add(new ConfigProblem(severity, at.file(), at.line(), at.column(), field, message));
  }
}
