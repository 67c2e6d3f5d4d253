package dev.resident.undertow.security;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.HandlerConfig;
import dev.resident.undertow.config.Origin;
import dev.resident.undertow.config.SecuritySettings;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.time.HostClock;
import io.undertow.server.HttpHandler;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * How a host enforces its application's access rules (R-SEC-1, R-SEC-2): which handlers go into which
 * port chain, with what trusted proxies, authenticator, admin token, login URL and TLS. Fails closed:
 * configuration asking for protection the host cannot give is a {@link ConfigException} naming each
 * rule, and the host does not start.
 */
public final class SecurityPlan {

  private final TrustedProxies proxies;
  private final Authenticator authenticator;
  private final AdminToken adminToken;
  private final LoginRedirect loginRedirect;
  private final AtomicInteger httpsPort = new AtomicInteger(-1);
  private final Transport transport;
  private final Map<String, VersionAccess> versions = new LinkedHashMap<>();
  private final SecuritySettings settings;
  private final Path baseDirectory;
  private final InternalSecret secret;

  private SecurityPlan(ApplicationConfig config, Authenticator authenticator, Path baseDirectory, InternalSecret secret) {
    this.settings = config.security();
    this.baseDirectory = baseDirectory;
    this.secret = secret;
    this.proxies = TrustedProxies.of(settings.trustedProxies());
    this.authenticator = authenticator;
    this.adminToken = config.adminToken() == null ? null : new AdminToken(config.adminToken());
    this.loginRedirect = settings.loginUrl() == null ? null : new LoginRedirect(settings.loginUrl(), config.domain());
    this.transport = new Transport(proxies, httpsPort::get);
    for (VersionConfig version : config.versions()) {
      VersionAccess access = new VersionAccess(version);
      if (!access.open()) {
        versions.put(version.key(), access);
      }
    }
  }

  /**
   * Makes the plan of an application: reads the internal secret ({@code RESIDENT_INTERNAL_SECRET}, else
   * {@code resident.internal_secret_file}, else random) and checks that the TLS files can be used.
   *
   * @param config the application
   * @param authenticator the builder's authenticator, or null for {@code resident.authenticator}
   * @param classLoader loads the class {@code resident.authenticator} names
   * @param baseDirectory what the secret file and TLS files are relative to
   * @param environment the process environment, for {@code RESIDENT_INTERNAL_SECRET}
   * @return the plan
   * @throws ConfigException if a rule asks for what the host cannot give, or a setting is unusable
   */
  public static SecurityPlan of(ApplicationConfig config, Authenticator authenticator, ClassLoader classLoader,
      Path baseDirectory, Map<String, String> environment) {
    SecuritySettings settings = config.security();
    List<ConfigProblem> problems = new ArrayList<>();
    Authenticator chosen = authenticator != null ? authenticator : configured(settings, classLoader, problems);
    problems.addAll(unenforceable(config, chosen != null));
    InternalSecret secret = null;
    try {
      secret = InternalSecret.resolve(environment, settings.internalSecretFile() == null ? null
          : baseDirectory.resolve(settings.internalSecretFile()), new SecureRandom());
    } catch (IllegalArgumentException e) {
      problems.add(problem(settings.origin("internal_secret_file"), "resident.internal_secret_file", e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    SecurityPlan plan;
    try {
      plan = new SecurityPlan(config, chosen, baseDirectory, secret);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(problem(settings.origin("trusted_proxies"), "resident.trusted_proxies", e.getMessage())));
    }
    try {
      if (settings.httpsPort() != null) {
        plan.loadKey();
      }
    } catch (IllegalArgumentException e) {
      String key = settings.tlsKeystore() != null ? "tls_keystore" : "tls_certificate";
      throw new ConfigException(List.of(problem(settings.origin(key), "resident." + key, e.getMessage())));
    }
    return plan;
  }

  /**
   * Returns what {@link #of} would refuse, for {@code --check}: every rule the host cannot enforce and
   * every unusable setting, an authenticator class, the secret file and the TLS files included.
   *
   * @param config the application
   * @param classLoader loads the class {@code resident.authenticator} names
   * @param baseDirectory what the secret file and TLS files are relative to
   * @return the problems, possibly none
   */
  public static List<ConfigProblem> check(ApplicationConfig config, ClassLoader classLoader, Path baseDirectory) {
    try {
      of(config, null, classLoader, baseDirectory, System.getenv());
      return List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }

  private static Authenticator configured(SecuritySettings settings, ClassLoader loader, List<ConfigProblem> problems) {
    String name = settings.authenticator();
    if (name == null) {
      return null;
    }
    if (name.equals(IdentityHeaderAuthenticator.SETTING)) {
      if (settings.trustedProxies().isEmpty()) {
        problems.add(problem(settings.origin("authenticator"), "resident.authenticator",
            "identity-headers believes the headers of trusted proxies only, and resident.trusted_proxies is"
                + " not set: no caller could ever sign in"));
      }
      return new IdentityHeaderAuthenticator(settings.admins());
    }
    try {
      Class<?> type = Class.forName(name, true, loader);
      if (!Authenticator.class.isAssignableFrom(type)) {
        problems.add(problem(settings.origin("authenticator"), "resident.authenticator", name + " does not implement "
            + Authenticator.class.getName()));
        return null;
      }
      return (Authenticator) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      problems.add(problem(settings.origin("authenticator"), "resident.authenticator", name
          + " cannot be made (a public class with a public no-argument constructor is needed): " + e));
      return null;
    }
  }

  private static List<ConfigProblem> unenforceable(ApplicationConfig config, boolean hasAuthenticator) {
    SecuritySettings settings = config.security();
    boolean tls = settings.httpsPort() != null || !settings.trustedProxies().isEmpty();
    List<ConfigProblem> problems = new ArrayList<>();
    for (VersionConfig version : config.versions()) {
      for (AccessRule rule : version.accessRules()) {
        if (rule.secure() == AccessRule.Secure.ALWAYS && !tls) {
          problems.add(problem(rule.origin(), "handlers", version.key() + " " + rule.urlPattern()
              + " asks for secure: always, and the host has no TLS: set resident.https_port (with a keystore or"
              + " PEM files) or resident.trusted_proxies (a TLS-terminating proxy that sets X-Forwarded-Proto);"
              + " it refuses to start rather than serve it over plain HTTP"));
        }
        if (rule.login() == HandlerConfig.Login.REQUIRED && !hasAuthenticator) {
          problems.add(problem(rule.origin(), "handlers", version.key() + " " + rule.urlPattern()
              + " asks for login: " + rule.login().name().toLowerCase(Locale.ROOT) + ", and the host has no"
              + " authenticator to sign callers in: set resident.authenticator (identity-headers behind an"
              + " identity-aware proxy, or a class) or give one to the builder; it refuses to start rather than"
              + " serve it to anyone"));
        }
      }
    }
    return problems;
  }

  private static ConfigProblem problem(Origin origin, String field, String message) {
    return new ConfigProblem(ConfigProblem.Severity.ERROR, origin.file(), origin.line(), origin.column(), field, message);
  }

  /**
   * Wraps the front of every port: identity headers stripped from untrusted peers, the caller found.
   *
   * @param next the rest of the chain
   * @return the handler
   */
  public HttpHandler front(HttpHandler next) {
    return new IdentityHandler(proxies, authenticator, next);
  }

  /**
   * Guards the port of one version (or one of its instances).
   *
   * @param version the version
   * @param next admission
   * @return {@code next} itself when the version is public and has no rule, so that it costs nothing
   */
  public HttpHandler guard(VersionConfig version, HttpHandler next) {
    VersionAccess access = versions.get(version.key());
    return access == null ? next : AccessHandler.forVersion(this, access, next);
  }

  /**
   * Guards the main port, whose versions routing chooses.
   *
   * @param next admission
   * @return {@code next} itself when every version is public and has no rule
   */
  public HttpHandler guardRouted(HttpHandler next) {
    return versions.isEmpty() ? next : AccessHandler.routed(this, versions, next);
  }

  /**
   * Returns the secret that signs the application's internal requests.
   *
   * @return the secret
   */
  public InternalSecret internalSecret() {
    return secret;
  }

  /**
   * Returns the TLS context of the HTTPS listener, its key read from its files now and again whenever
   * they change ({@link ReloadingKeyManager}).
   *
   * @param clock the host's clock, which times the checks of the files
   * @return the context, or null when {@code resident.https_port} is not set
   * @throws IllegalArgumentException naming the file that cannot be used
   */
  public SSLContext tls(HostClock clock) {
    if (settings.httpsPort() == null) {
      return null;
    }
    List<Path> files = settings.tlsKeystore() != null
        ? List.of(baseDirectory.resolve(settings.tlsKeystore()))
        : List.of(baseDirectory.resolve(settings.tlsCertificate()), baseDirectory.resolve(settings.tlsKey()));
    return TlsContext.context(new ReloadingKeyManager(files, this::loadKey, clock));
  }

  private X509ExtendedKeyManager loadKey() {
    if (settings.tlsKeystore() != null) {
      return TlsContext.fromPkcs12(baseDirectory.resolve(settings.tlsKeystore()), settings.tlsKeystorePassword());
    }
    return TlsContext.fromPem(baseDirectory.resolve(settings.tlsCertificate()), baseDirectory.resolve(settings.tlsKey()));
  }

  /**
   * Returns the configured HTTPS port.
   *
   * @return the port, 0 for an ephemeral one, or null for no HTTPS listener
   */
  public Integer httpsPort() {
    return settings.httpsPort();
  }

  /**
   * Notes the bound port of the HTTPS listener, where plain requests are redirected.
   *
   * @param port the bound port
   */
  public void httpsBound(int port) {
    httpsPort.set(port);
  }

  Transport transport() {
    return transport;
  }

  AdminToken adminToken() {
    return adminToken;
  }

  LoginRedirect loginRedirect() {
    return loginRedirect;
  }

  @Override
  public String toString() {
    return "security-plan(" + proxies + ", authenticator " + authenticator + ", guarded " + versions.values() + ")";
  }
}
