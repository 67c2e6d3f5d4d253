package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code dispatch.yaml}: {@code dispatch:}, a list of at most 20 rules {@code {url, module}}
 * (R-CFG-4). Whether each module exists is checked once every file is read.
 */
final class DispatchReader {
  /** The most dispatch rules of an application. */
  static final int MAX_RULES = 20;

  private static final KeySet FILE_KEYS = KeySet.of("dispatch", "application");
  private static final KeySet RULE_KEYS = KeySet.of("url", "module", "service");

  /** A host that may start with {@code *}, a slash, and a path that may end with {@code *}. */
  private static final Rule<String> URL =
      Rules.text(
          "host/path with * wildcards at the start of the host or the end of the path, such as"
              + " */mobile/* or example.com/api/*",
          Pattern.compile("\\*?[^*/\\s]*/[^*\\s]*\\*?"));

  private DispatchReader() {}

  /**
   * Reads a dispatch file.
   *
   * @param document the file's top node
   * @param problems where to report
   * @return the rules, or empty when the file is not a mapping
   */
  static Optional<DispatchFile> read(YamlNode document, Problems problems) {
    return Section.of(document, "", FILE_KEYS, problems).map(DispatchReader::read);
  }

  private static DispatchFile read(Section root) {
    List<AppWideSetting> appWide = new ArrayList<>();
    root.located("application", Rules.STRING)
        .ifPresent(a -> appWide.add(new AppWideSetting("application", a.value(), a.origin(), false)));
    Origin origin = root.entry("dispatch").map(YamlNode.Entry::keyOrigin).orElse(root.origin());
    Optional<YamlNode> node = root.node("dispatch");
    if (node.isEmpty() || !(node.get() instanceof YamlNode.Sequence list)) {
      node.ifPresent(n -> root.problems().invalid(n, "dispatch", "a list of rules"));
      return new DispatchFile(List.of(), origin, appWide);
    }
    if (list.items().size() > MAX_RULES) {
      root.problems()
          .mustBe(
              list.origin(),
              "dispatch",
              "a list of at most " + MAX_RULES + " rules",
              String.valueOf(list.items().size()));
    }
    List<DispatchFile.PlacedRule> rules = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Section.of(list.items().get(i), "dispatch[" + i + "]", RULE_KEYS, root.problems())
          .flatMap(DispatchReader::rule)
          .ifPresent(rules::add);
    }
    return new DispatchFile(rules, origin, appWide);
  }

  private static Optional<DispatchFile.PlacedRule> rule(Section s) {
    Optional<Located<String>> url = s.required("url", URL);
    String key = s.keyOrAlias("module", "service");
    Optional<Located<String>> module = s.required(key, Rules.NAME);
    if (url.isEmpty() || module.isEmpty()) {
      return Optional.empty();
    }
    DispatchRule rule = new DispatchRule(url.get().value(), module.get().value());
    return Optional.of(new DispatchFile.PlacedRule(rule, s.field(key), module.get().origin()));
  }
}
