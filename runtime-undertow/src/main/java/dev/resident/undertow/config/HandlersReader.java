package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads {@code handlers}: a list of {@code url} with exactly one of {@code servlet}, {@code filter},
 * {@code static_dir} and {@code static_files} (with {@code upload}), and an optional {@code login}
 * (R-CFG-2).
 */
final class HandlersReader {
  private static final List<String> KINDS = List.of("servlet", "filter", "static_dir", "static_files");

  private static final KeySet KEYS =
      new KeySet(
          List.of("url", "servlet", "filter", "static_dir", "static_files", "upload", "login"),
          Set.of(
              "script",
              "secure",
              "mime_type",
              "expiration",
              "http_headers",
              "auth_fail_action",
              "redirect_http_response_code",
              "application_readable",
              "require_matching_file"),
          Set.of(),
          false);

  private static final Rule<String> URL =
      Rules.text(
          "a servlet path pattern such as /, /tasks/* or *.jsp", Pattern.compile("/\\S*|\\*\\.\\S+"));
  private static final Rule<String> CLASS_NAME =
      Rules.text(
          "a class name such as com.example.Worker",
          Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*"));
  private static final Rule<String> REGEX =
      Rules.STRING.where("a regular expression", HandlersReader::compiles);
  private static final Rule<HandlerConfig.Login> LOGIN =
      Rules.oneOf(
          List.of("optional", "required", "admin"),
          "",
          s -> HandlerConfig.Login.valueOf(s.toUpperCase(Locale.ROOT)));

  private HandlersReader() {}

  /**
   * Reads the handlers of a module yaml file.
   *
   * @param root the top mapping of the file
   * @return the handlers in order; none when the key is absent
   */
  static List<HandlerConfig> read(Section root) {
    Optional<YamlNode> node = root.node("handlers");
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof YamlNode.Sequence list)) {
      root.problems().invalid(node.get(), "handlers", "a list of handlers");
      return List.of();
    }
    List<HandlerConfig> handlers = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Section.of(list.items().get(i), "handlers[" + i + "]", KEYS, root.problems())
          .flatMap(HandlersReader::handler)
          .ifPresent(handlers::add);
    }
    return handlers;
  }

  private static Optional<HandlerConfig> handler(Section s) {
    List<String> kinds = KINDS.stream().filter(s::has).collect(Collectors.toList());
    String url = s.required("url", URL).map(Located::value).orElse("/");
    HandlerConfig.Login login = s.get("login", LOGIN, HandlerConfig.Login.OPTIONAL);
    if (!kinds.contains("static_files") && s.has("upload")) {
      s.reject("upload", "absent unless static_files is given");
    }
    if (kinds.isEmpty()) {
      if (!s.has("script")) {
        s.problems()
            .error(
                s.origin(),
                s.path(),
                s.path()
                    + " must have one of servlet, filter, static_dir or static_files, found none");
      }
      return Optional.empty();
    }
    if (kinds.size() > 1) {
      String second = kinds.get(1);
      s.problems()
          .error(
              s.entry(second).get().keyOrigin(),
              s.field(second),
              s.field(second)
                  + " must be absent when "
                  + kinds.get(0)
                  + " is given (one of servlet, filter, static_dir or static_files), found both");
    }
    String kind = kinds.get(0);
    Rule<String> target = kind.equals("servlet") || kind.equals("filter") ? CLASS_NAME : Rules.STRING;
    String value = s.optional(kind, target).orElse("");
    String upload =
        kind.equals("static_files") ? s.required("upload", REGEX).map(Located::value).orElse("") : null;
    HandlerConfig.Kind k = HandlerConfig.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    return Optional.of(new HandlerConfig(url, k, value, upload, login));
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
