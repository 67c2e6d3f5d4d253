package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code backends.yaml}: a list of backends, at the top of the file or under a single
 * {@code backends:} key (R-CFG-3).
 */
final class BackendsReader {
  /** The most instances of one backend. */
  static final int MAX_INSTANCES = 20;

  private static final List<String> OPTIONS = List.of("dynamic", "public", "failfast");
  private static final KeySet FILE_KEYS = KeySet.of("backends");
  private static final KeySet KEYS =
      KeySet.of("name", "class", "instances", "max_concurrent_requests", "options", "start");
  private static final Rule<String> START =
      Rules.text("a path such as /backend/start", Pattern.compile("/\\S*"));

  private BackendsReader() {}

  /**
   * Reads a backends file.
   *
   * @param document the file's top node
   * @param file the file name
   * @param problems where to report
   * @return the backends in order; those whose name is missing or not allowed are left out
   */
  static List<BackendEntry> read(YamlNode document, String file, Problems problems) {
    YamlNode list = document;
    if (document instanceof YamlNode.Mapping) {
      Optional<Section> root = Section.of(document, "", FILE_KEYS, problems);
      Optional<YamlNode> backends = root.flatMap(r -> r.node("backends"));
      if (backends.isEmpty()) {
        root.ifPresent(r -> problems.missing(r.origin(), "backends", "a list of backends"));
        return List.of();
      }
      list = backends.get();
    }
    if (!(list instanceof YamlNode.Sequence sequence)) {
      problems.invalid(list, "backends", "a list of backends");
      return List.of();
    }
    List<BackendEntry> entries = new ArrayList<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      String path = "backends[" + i + "]";
      Section.of(sequence.items().get(i), path, KEYS, problems)
          .flatMap(s -> entry(s, file))
          .ifPresent(entries::add);
    }
    return entries;
  }

  private static Optional<BackendEntry> entry(Section s, String file) {
    Optional<Located<String>> name = s.required("name", Rules.NAME);
    if (name.isPresent() && name.get().value().equals(ApplicationConfig.DEFAULT_MODULE)) {
      s.reject("name", "a name other than \"default\", which is reserved for the default module");
      name = Optional.empty();
    }
    List<String> options = options(s);
    boolean dynamic = options.contains("dynamic");
    ScalingType type = dynamic ? ScalingType.BASIC : ScalingType.MANUAL;
    InstanceClass instanceClass =
        s.get("class", Rules.instanceClass(type), InstanceClass.defaultFor(type));
    int instances = s.get("instances", Rules.integer(1, MAX_INSTANCES), 1);
    Located<Integer> concurrency =
        s.located("max_concurrent_requests", Rules.integer(1, Concurrency.MAX_MANUAL_OR_BASIC))
            .orElse(null);
    String start = s.optional("start", START).orElse(null);
    return name.map(
        n ->
            new BackendEntry(
                s.path(),
                n,
                instanceClass,
                instances,
                concurrency,
                dynamic,
                options.contains("public"),
                options.contains("failfast"),
                start,
                file));
  }

  private static List<String> options(Section s) {
    Optional<YamlNode> node = s.node("options");
    String allowed = "a comma-separated list of " + String.join(", ", OPTIONS);
    Optional<String> text = node.flatMap(new Rule<>(allowed, v -> Optional.of(v.text()))::read);
    if (node.isPresent() && text.isEmpty()) {
      s.reject("options", allowed);
      return List.of();
    }
    List<String> options = new ArrayList<>();
    for (String option : Arrays.asList(text.orElse("").split(","))) {
      String o = option.strip();
      if (o.isEmpty()) {
        continue;
      }
      if (OPTIONS.contains(o)) {
        options.add(o);
      } else {
        String hint = Suggestions.closest(o, OPTIONS).map(c -> "; did you mean " + c + "?").orElse("");
        s.problems()
            .mustBe(node.get().origin(), s.field("options"), allowed, "\"" + o + "\"" + hint);
      }
    }
    return options;
  }
}
