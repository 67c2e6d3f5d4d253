package dev.resident.undertow.routing;

import dev.resident.undertow.config.ApplicationConfig;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Host header as an address below the configured domain (R-HOST-3, R-HOST-4): {@code module},
 * {@code version.module} or {@code instance.version.module}, each {@code .} also written {@code -dot-}
 * ({@code 1-dot-v1-dot-worker.example.com} is {@code 1.v1.worker.example.com}). A single label that is not a
 * module but a version of the {@code default} module means that version, as in App Engine. Names are
 * compared without regard to case; where two readings of a label compete, a module name wins.
 *
 * <p>Immutable and thread-safe.
 */
public final class HostNameParser {

  private static final String DOT = "-dot-";

  private final String domain;
  private final String domainSuffix;
  private final Map<String, HostAddress> named;
  private final Map<String, HostAddress> versions;

  /**
   * Makes a parser for an application.
   *
   * @param domain the domain of instance host names ({@code resident.domain}), such as {@code example.com};
   *     null or empty when none is configured, and then no Host header addresses anything
   * @param versionsByModule the version names of every module, by module name
   * @throws IllegalArgumentException if the domain is not a host name, or two modules, or two versions of
   *     one module, differ only in case
   * @throws NullPointerException if the map, a name or a set of versions is null
   */
  public HostNameParser(String domain, Map<String, Set<String>> versionsByModule) {
    Objects.requireNonNull(versionsByModule, "versionsByModule");
    this.domain = domain == null || domain.isEmpty() ? null : checkDomain(domain);
    this.domainSuffix = this.domain == null ? null : "." + this.domain;
    this.named = new HashMap<>();
    this.versions = new HashMap<>();
    versionsByModule.forEach((module, moduleVersions) -> {
      HostAddress previous = named.putIfAbsent(lower(module), new HostAddress(null, null, module));
      if (previous != null) {
        throw sameButCase("module names " + previous.module() + " and " + module);
      }
      for (String version : moduleVersions) {
        HostAddress address = new HostAddress(null, version, module);
        previous = versions.putIfAbsent(lower(version) + "." + lower(module), address);
        if (previous != null) {
          throw sameButCase(
              "versions " + previous.version() + " and " + version + " of module " + module);
        }
        versions.putIfAbsent(lower(version) + DOT + lower(module), address);
      }
    });
    versions.forEach(named::putIfAbsent);
    for (String version : versionsByModule.getOrDefault(ApplicationConfig.DEFAULT_MODULE, Set.of())) {
      named.putIfAbsent(lower(version), new HostAddress(null, version, ApplicationConfig.DEFAULT_MODULE));
    }
  }

  private static String checkDomain(String domain) {
    String lower = lower(domain);
    int lastDot = lower.lastIndexOf('.');
    boolean numericTop = lower.substring(lastDot + 1).chars().allMatch(Character::isDigit);
    if (!HostLabels.isHostName(lower) || numericTop) {
      throw new IllegalArgumentException(
          "domain must be a host name such as \"example.com\", not an IP address, found \"" + domain + "\"");
    }
    return lower;
  }

  private static IllegalArgumentException sameButCase(String names) {
    return new IllegalArgumentException(names + " differ only in case; Host headers cannot tell them apart");
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Cuts the port and a trailing dot from a Host header value: {@code example.com:8080} gives
   * {@code example.com}, {@code [::1]:8080} gives {@code [::1]}. A bare IPv6 address, which has several
   * colons and no brackets, is returned as it is.
   *
   * @param hostHeader the Host header value; null when the request has none
   * @return the host name in its original case; empty for null
   */
  public static String hostName(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String host = hostHeader;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(0, close + 1);
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      if (colon != host.lastIndexOf(':')) {
        return host;
      }
      host = host.substring(0, colon);
    }
    if (host.length() > 1 && host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host;
  }

  /**
   * Reads a Host header.
   *
   * @param hostHeader the Host header value, with or without its port, any case; null when the request has
   *     none
   * @return the address; empty when no domain is configured, the host is not below the domain (including
   *     {@code localhost} and IP addresses), or its labels name no known module or version, which means the
   *     request goes to the default module (R-HOST-4). An unknown instance of a known version is returned as
   *     it is.
   */
  public Optional<HostAddress> parse(String hostHeader) {
    if (domainSuffix == null) {
      return Optional.empty();
    }
    String host = lower(hostName(hostHeader));
    if (!host.endsWith(domainSuffix)) {
      return Optional.empty();
    }
    String labels = host.substring(0, host.length() - domainSuffix.length());
    HostAddress address = named.get(labels);
    if (address != null) {
      return Optional.of(address);
    }
    int dot = labels.indexOf('.');
    int dash = labels.indexOf(DOT);
    boolean dashFirst = dash >= 0 && (dot < 0 || dash < dot);
    int cut = dashFirst ? dash : dot;
    if (cut <= 0) {
      return Optional.empty();
    }
    String instance = labels.substring(0, cut);
    HostAddress version = versions.get(labels.substring(cut + (dashFirst ? DOT.length() : 1)));
    if (version == null || !HostLabels.isHostName(instance)) {
      return Optional.empty();
    }
    return Optional.of(new HostAddress(instance, version.version(), version.module()));
  }

  /**
   * Describes the parser, such as {@code host-names( *.example.com )}.
   *
   * @return the domain it reads, or {@code host-names( no domain )}
   */
  @Override
  public String toString() {
    return "host-names( " + (domain == null ? "no domain" : "*." + domain) + " )";
  }
}
