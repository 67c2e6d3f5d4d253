package dev.resident.undertow.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole application: its modules, dispatch rules and application-wide settings (R-MOD-1).
 *
 * @param applicationId the {@code application:} id; {@code app} when none was given
 * @param modules the modules, {@code default} first
 * @param dispatch the dispatch rules in order, at most 20
 * @param domain the domain of instance host names ({@code resident.domain}); null for
 *     {@code localhost:<port>} host names
 * @param adminToken the bearer token of the admin API ({@code resident.admin_token}); null for loopback
 *     clients only
 * @param security the security settings ({@code resident.trusted_proxies}, {@code resident.https_port}, …)
 */
public record ApplicationConfig(
    String applicationId,
    List<ModuleConfig> modules,
    List<DispatchRule> dispatch,
    String domain,
    String adminToken,
    SecuritySettings security) {

  /** The name of the default module. */
  public static final String DEFAULT_MODULE = "default";

  /** The application id when none is configured. */
  public static final String DEFAULT_APPLICATION_ID = "app";

  public ApplicationConfig {
    Objects.requireNonNull(applicationId, "applicationId");
    modules = List.copyOf(modules);
    dispatch = List.copyOf(dispatch);
    Objects.requireNonNull(security, "security");
  }

  /**
   * Finds a module by name.
   *
   * @param name the module name
   * @return the module, or empty
   */
  public Optional<ModuleConfig> module(String name) {
    return modules.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * Returns the default module.
   *
   * @return the module named {@code default}
   * @throws IllegalStateException if there is none
   */
  public ModuleConfig defaultModule() {
    return module(DEFAULT_MODULE)
        .orElseThrow(() -> new IllegalStateException("the application has no default module"));
  }

  /**
   * Returns every version of every module, modules in order.
   *
   * @return the versions
   */
  public List<VersionConfig> versions() {
    return modules.stream().flatMap(m -> m.versions().stream()).toList();
  }
}
