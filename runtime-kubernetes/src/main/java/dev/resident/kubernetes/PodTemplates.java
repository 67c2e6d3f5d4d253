package dev.resident.kubernetes;

import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.config.InstanceClass;
import dev.resident.undertow.config.VersionConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container of a version's pods: the launcher running that version's instance ({@code RESIDENT_INSTANCE}),
 * its {@code env_variables} as the container's environment (so that {@code System.getenv} sees them, R-DIST-1),
 * the internal-request secret, the instance class's memory, and the health probes.
 */
final class PodTemplates {

  /** Readiness: the instance serves (its {@code /_ah/start} has returned). */
  static final String READY_PATH = "/_ah/health/ready";
  /** Liveness: the process answers; it does not wait for {@code /_ah/start}. */
  static final String LIVE_PATH = "/_ah/health/live";
  /** The pause before SIGTERM, so that endpoints and load balancers stop sending first. */
  static final int PRE_STOP_SECONDS = 5;
  /** Time beyond the pause and the shutdown grace, for the JVM to exit. */
  static final int EXIT_MARGIN_SECONDS = 5;
  /** How long the process may take to answer at all (JVM start, deployment): 150 × 2 s. */
  static final int STARTUP_FAILURES = 150;
  static final String CONTAINER = "app";

  private PodTemplates() {}

  /**
   * Returns the container of a version.
   *
   * @param applicationId the application id, for the Secret's name
   * @param version the version
   * @param options the image and the launcher's files
   * @param knative whether for a Knative Service, which allows no startup probe, no lifecycle hook and no
   *     probe port of its own
   * @return the container
   */
  static Container container(String applicationId, VersionConfig version, ManifestWriter.Options options,
      boolean knative) {
    List<String> args =
        new ArrayList<>(List.of("--address", "0.0.0.0", "--port", Integer.toString(KubernetesNames.PORT)));
    args.addAll(options.files());
    ContainerBuilder container = new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(options.image())
        .withArgs(args)
        .addNewPort().withName(knative ? "http1" : "http").withContainerPort(KubernetesNames.PORT).endPort()
        .withEnv(env(applicationId, version))
        .withResources(resources(version.instanceClass()))
        .withReadinessProbe(probe(READY_PATH, knative, 2, 2))
        .withLivenessProbe(probe(LIVE_PATH, knative, 10, 3));
    if (!knative) {
      container.withStartupProbe(probe(LIVE_PATH, false, 2, STARTUP_FAILURES))
          .withNewLifecycle().withNewPreStop().withNewSleep((long) PRE_STOP_SECONDS).endPreStop().endLifecycle();
    }
    return container.build();
  }

  /**
   * Returns the termination grace of a version's pods: the preStop pause, the shutdown grace (R-LIFE-5) and a
   * margin for the JVM to exit.
   *
   * @param version the version
   * @return seconds
   */
  static long terminationGraceSeconds(VersionConfig version) {
    return PRE_STOP_SECONDS + seconds(version.settings().shutdownGrace()) + EXIT_MARGIN_SECONDS;
  }

  static long seconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static List<EnvVar> env(String applicationId, VersionConfig version) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("RESIDENT_INSTANCE").withValue(version.key()).build());
    env.add(new EnvVarBuilder().withName(KubernetesNames.SECRET_ENV).withNewValueFrom().withNewSecretKeyRef()
        .withName(KubernetesNames.app(applicationId, "internal")).withKey(KubernetesNames.SECRET_KEY)
        .endSecretKeyRef().endValueFrom().build());
    env.add(new EnvVarBuilder().withName("JAVA_TOOL_OPTIONS").withValue("-XX:MaxRAMPercentage=75.0").build());
    new TreeMap<>(version.envVariables()).forEach((name, value) ->
        env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
    return env;
  }

  /**
   * Returns the resources of an instance class: its memory as request and limit (R-MOD-4), and a CPU request
   * after App Engine's clock rates (600 MHz for B1 and F1 as a quarter core); no CPU limit, so that a request
   * is never throttled below what the node can give.
   */
  static ResourceRequirements resources(InstanceClass instanceClass) {
    int megabytes = instanceClass.memoryMegabytes();
    Quantity memory = new Quantity(megabytes % 1024 == 0 ? megabytes / 1024 + "Gi" : megabytes + "Mi");
    return new ResourceRequirementsBuilder()
        .withRequests(new TreeMap<>(Map.of("memory", memory, "cpu", new Quantity(cpu(instanceClass)))))
        .withLimits(new TreeMap<>(Map.of("memory", memory)))
        .build();
  }

  private static String cpu(InstanceClass instanceClass) {
    return switch (instanceClass) {
      case B1, F1 -> "250m";
      case B2, F2 -> "500m";
      case B4, B4_1G, F4, F4_1G -> "1";
      case B8 -> "2";
    };
  }

  private static Probe probe(String path, boolean knative, int period, int failures) {
    HTTPGetActionBuilder get = new HTTPGetActionBuilder().withPath(path);
    if (!knative) {
      get.withPort(new IntOrString("http"));
    }
    return new ProbeBuilder().withHttpGet(get.build()).withPeriodSeconds(period).withFailureThreshold(failures)
        .build();
  }
}
