package dev.resident.undertow.security;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.HandlerConfig;
import dev.resident.undertow.config.VersionConfig;
import java.util.List;

/**
 * The access rules of one version, compiled: whether it is private (R-SEC-2), and for each rule its
 * pattern, methods, login and transport (R-SEC-1). A request every one of whose matching rules applies:
 * the strictest login wins, and TLS is needed when any rule asks for it.
 */
final class VersionAccess {

  private final String key;
  private final boolean publicAccess;
  private final List<Compiled> rules;

  private record Compiled(UrlPattern pattern, AccessRule rule) {}

  /** The rules that cover one request. */
  record Needs(HandlerConfig.Login login, boolean secure, AccessRule.AuthFailAction onFail) {
    static final Needs NOTHING = new Needs(HandlerConfig.Login.OPTIONAL, false, AccessRule.AuthFailAction.REDIRECT);
  }

  VersionAccess(VersionConfig version) {
    this.key = version.key();
    this.publicAccess = version.publicAccess();
    this.rules = version.accessRules().stream().map(r -> new Compiled(UrlPattern.of(r.urlPattern()), r)).toList();
  }

  /** Tells whether nothing is checked: a public version with no rule. */
  boolean open() {
    return publicAccess && rules.isEmpty();
  }

  boolean publicAccess() {
    return publicAccess;
  }

  boolean hasRules() {
    return !rules.isEmpty();
  }

  Needs needs(String canonicalPath, String method) {
    HandlerConfig.Login login = HandlerConfig.Login.OPTIONAL;
    boolean secure = false;
    AccessRule.AuthFailAction onFail = null;
    for (Compiled c : rules) {
      AccessRule rule = c.rule();
      if ((rule.methods().isEmpty() || rule.methods().contains(method)) && c.pattern().matches(canonicalPath)) {
        secure |= rule.secure() == AccessRule.Secure.ALWAYS;
        if (rule.login().ordinal() > login.ordinal()) {
          login = rule.login();
        }
        if (rule.login() != HandlerConfig.Login.OPTIONAL
            && (onFail == null || rule.authFailAction() == AccessRule.AuthFailAction.UNAUTHORIZED)) {
          onFail = rule.authFailAction();
        }
      }
    }
    if (login == HandlerConfig.Login.OPTIONAL && !secure) {
      return Needs.NOTHING;
    }
    return new Needs(login, secure, onFail == null ? AccessRule.AuthFailAction.REDIRECT : onFail);
  }

  @Override
  public String toString() {
    return key + (publicAccess ? "" : " private") + (rules.isEmpty() ? "" : " " + rules.stream()
        .map(c -> c.pattern() + ":" + c.rule().login().name().toLowerCase() + (c.rule().secure() == AccessRule.Secure.ALWAYS ? "+tls" : ""))
        .toList());
  }
}
