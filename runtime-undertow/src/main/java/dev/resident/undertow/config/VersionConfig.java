package dev.resident.undertow.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of one module, with App Engine's defaults applied (R-CFG-1, R-CFG-3).
 *
 * @param module the module name
 * @param version the version name
 * @param scaling the scaling type and its parameters
 * @param instanceClass the instance class, fitting the scaling type
 * @param threadsafe whether an instance may serve several requests at once
 * @param maxConcurrentRequests how many requests an instance serves at once: 1 when not threadsafe,
 *     default 10
 * @param publicAccess whether external requests may reach the version's ports; false only for backends
 *     without the {@code public} option
 * @param failfast whether requests that cannot be admitted at once are rejected at once (backend option
 *     {@code failfast})
 * @param startHandler the path that serves {@code /_ah/start} (a backend's {@code start}); null for
 *     {@code /_ah/start} itself
 * @param handlers the yaml handlers, possibly none
 * @param accessRules who may call which URLs (yaml {@code login}/{@code secure}, web.xml security
 *     constraints), in configured order; only rules that ask for protection
 * @param envVariables the {@code env_variables}
 * @param settings timings and limits
 * @param source where the version was configured, such as {@code backends.yaml} or {@code code}
 */
public record VersionConfig(
    String module,
    String version,
    ScalingConfig scaling,
    InstanceClass instanceClass,
    boolean threadsafe,
    int maxConcurrentRequests,
    boolean publicAccess,
    boolean failfast,
    String startHandler,
    List<HandlerConfig> handlers,
    List<AccessRule> accessRules,
    Map<String, String> envVariables,
    ResidentSettings settings,
    String source) {

  public VersionConfig {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(instanceClass, "instanceClass");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(source, "source");
    handlers = List.copyOf(handlers);
    accessRules = List.copyOf(accessRules);
    envVariables = Map.copyOf(envVariables);
  }

  /**
   * Returns {@code module/version}, the way messages name a version.
   *
   * @return such as {@code worker/v1}
   */
  public String key() {
    return module + "/" + version;
  }

  /**
   * Returns the scaling type.
   *
   * @return the type of {@link #scaling()}
   */
  public ScalingType scalingType() {
    return scaling.type();
  }
}
