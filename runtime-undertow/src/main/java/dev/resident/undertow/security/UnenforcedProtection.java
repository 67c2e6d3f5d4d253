package dev.resident.undertow.security;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.VersionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fails closed (R-SEC-1, R-SEC-2): access rules that ask for a login or for TLS stop the host with an
 * error naming each rule, until the host enforces them, rather than serve their URLs unprotected.
 */
public final class UnenforcedProtection {

  private UnenforcedProtection() {}

  /**
   * Throws when any version of the application has an access rule that asks for protection.
   *
   * @param application the loaded application
   * @throws ConfigException naming every such rule with its file, line and column
   */
  public static void refuse(ApplicationConfig application) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (VersionConfig version : application.versions()) {
      for (AccessRule rule : version.accessRules()) {
        problems.add(problem(version, rule));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static ConfigProblem problem(VersionConfig version, AccessRule rule) {
    String asked =
        rule.secure() == AccessRule.Secure.ALWAYS
            ? "secure: always"
            : "login: " + rule.login().name().toLowerCase(Locale.ROOT);
    return new ConfigProblem(
        ConfigProblem.Severity.ERROR,
        rule.origin().file(),
        rule.origin().line(),
        rule.origin().column(),
        "handlers",
        version.key()
            + " "
            + rule.urlPattern()
            + " asks for "
            + asked
            + ", which this host does not enforce; it refuses to start rather than serve it"
            + " unprotected");
  }
}
