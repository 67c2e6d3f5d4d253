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
 * {@code static_dir} and {@code static_files} (with {@code upload}), and optional {@code login},
 * {@code secure} and {@code auth_fail_action} (R-CFG-2, R-SEC-1, R-SEC-2), which become the version's
 * access rules.
 */
final class HandlersReader {
  private static final List<String> KINDS = List.of("servlet", "filter", "static_dir", "static_files");

  private static final KeySet KEYS =
      new KeySet(
          List.of(
              "url",
              "servlet",
              "filter",
              "static_dir",
              "static_files",
              "upload",
              "login",
              "secure",
              "auth_fail_action"),
          Set.of(
              "script",
              "mime_type",
              "expiration",
              "http_headers",
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
  private static final Rule<AccessRule.Secure> SECURE =
      Rules.oneOf(
          List.of("optional", "never", "always"),
          "",
          s -> AccessRule.Secure.valueOf(s.toUpperCase(Locale.ROOT)));
  private static final Rule<AccessRule.AuthFailAction> AUTH_FAIL_ACTION =
      Rules.oneOf(
          List.of("redirect", "unauthorized"),
          "",
          s -> AccessRule.AuthFailAction.valueOf(s.toUpperCase(Locale.ROOT)));

  private HandlersReader() {}

  /**
   * What a file's {@code handlers} say.
   *
   * @param handlers the handlers in order
   * @param accessRules one rule per handler that asks for protection, in the handlers' order
   */
  record Result(List<HandlerConfig> handlers, List<AccessRule> accessRules) {
    static final Result NONE = new Result(List.of(), List.of());
  }

  /**
   * Reads the handlers of a module yaml file.
   *
   * @param root the top mapping of the file
   * @return the handlers and access rules in order; none when the key is absent
   */
  static Result read(Section root) {
    Optional<YamlNode> node = root.node("handlers");
    if (node.isEmpty()) {
      return Result.NONE;
    }
    if (!(node.get() instanceof YamlNode.Sequence list)) {
      root.problems().invalid(node.get(), "handlers", "a list of handlers");
      return Result.NONE;
    }
    List<HandlerConfig> handlers = new ArrayList<>();
    List<AccessRule> rules = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Optional<Section> entry =
          Section.of(list.items().get(i), "handlers[" + i + "]", KEYS, root.problems());
      if (entry.isEmpty()) {
        continue;
      }
      Section s = entry.get();
      String url = s.required("url", URL).map(Located::value).orElse("/");
      AccessRule rule =
          new AccessRule(
              url,
              Set.of(),
              s.get("login", LOGIN, HandlerConfig.Login.OPTIONAL),
              s.get("secure", SECURE, AccessRule.Secure.OPTIONAL),
              s.get("auth_fail_action", AUTH_FAIL_ACTION, AccessRule.AuthFailAction.REDIRECT),
              s.origin());
      handler(s, url, rule.login()).ifPresent(handlers::add);
      if (rule.protects()) {
        rules.add(rule);
      }
    }
    return new Result(handlers, rules);
  }

  private static Optional<HandlerConfig> handler(Section s, String url, HandlerConfig.Login login) {
    List<String> kinds = KINDS.stream().filter(s::has).collect(Collectors.toList());
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
