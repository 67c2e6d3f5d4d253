package dev.resident.undertow.config;

/**
 * One entry of {@code backends.yaml}, before it becomes a module (R-CFG-3).
 *
 * @param path its field path, such as {@code backends[0]}
 * @param name the backend name and where it is written
 * @param instanceClass its {@code class}
 * @param instances its {@code instances}
 * @param maxConcurrentRequests its {@code max_concurrent_requests}; null when not given
 * @param dynamic whether the {@code dynamic} option is given
 * @param publicAccess whether the {@code public} option is given
 * @param failfast whether the {@code failfast} option is given
 * @param start its {@code start} handler path; null when not given
 * @param file the file it is in
 */
record BackendEntry(
    String path,
    Located<String> name,
    InstanceClass instanceClass,
    int instances,
    Located<Integer> maxConcurrentRequests,
    boolean dynamic,
    boolean publicAccess,
    boolean failfast,
    String start,
    String file) {

  /**
   * Returns the scaling of the backend: basic with {@code max_instances = instances} when dynamic,
   * manual with {@code instances} otherwise.
   *
   * @return the scaling
   */
  ScalingConfig scaling() {
    return dynamic
        ? new ScalingConfig.Basic(instances, ScalingConfig.Basic.DEFAULT_IDLE_TIMEOUT)
        : new ScalingConfig.Manual(instances);
  }

  /**
   * Makes the backend's one version. It takes the name, handlers, environment and {@code threadsafe} of
   * the default module's default version, since backends share the handlers of {@code app.yaml}.
   *
   * @param main the default module's default version
   * @param problems where to warn about a concurrency the version cannot use
   * @return the version
   */
  VersionConfig toVersion(VersionConfig main, Problems problems) {
    ScalingConfig scaling = scaling();
    String field = path + ".max_concurrent_requests";
    return new VersionConfig(
        name.value(),
        main.version(),
        scaling,
        instanceClass,
        main.threadsafe(),
        Concurrency.resolve(main.threadsafe(), maxConcurrentRequests, field, problems),
        publicAccess,
        failfast,
        start,
        main.handlers(),
        main.accessRules(),
        main.envVariables(),
        ResidentSettings.defaultsFor(scaling.type()),
        file);
  }
}
