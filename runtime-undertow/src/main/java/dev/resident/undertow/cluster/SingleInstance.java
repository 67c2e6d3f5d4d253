package dev.resident.undertow.cluster;

import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ModuleConfig;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One instance of an application, resolved against its configuration, for a process that runs only that
 * instance (R-DIST-1). The host of such a process runs an application narrowed to that version: a manual or
 * basic version with the one slot of the id, an automatic version with exactly one instance (the cluster
 * makes more processes, not the host more instances).
 */
public final class SingleInstance {

  /** The most instances of a manual version, as {@code setNumInstances} allows. */
  static final int MAX_MANUAL_INSTANCES = 200;

  private final ApplicationConfig application;
  private final VersionConfig version;
  private final String instanceId;
  private final List<String> notes;

  private SingleInstance(
      ApplicationConfig application, VersionConfig version, String instanceId, List<String> notes) {
    this.application = application;
    this.version = version;
    this.instanceId = instanceId;
    this.notes = List.copyOf(notes);
  }

  /**
   * Finds the instance in the application.
   *
   * @param application the whole application
   * @param identity the instance, its id already taken from the pod name if it had none
   * @return the instance
   * @throws IllegalArgumentException naming what exists when the module or version is unknown, or why the id
   *     does not fit the version's scaling
   */
  public static SingleInstance resolve(ApplicationConfig application, InstanceIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    ModuleConfig module = application.module(identity.module()).orElseThrow(() -> new IllegalArgumentException(
        "--instance " + identity + ": no module " + identity.module() + "; modules: "
            + application.modules().stream().map(ModuleConfig::name).toList()));
    VersionConfig version = module.version(identity.version()).orElseThrow(() -> new IllegalArgumentException(
        "--instance " + identity + ": no version " + identity.version() + " of " + module.name() + "; versions: "
            + module.versions().stream().map(VersionConfig::version).toList()));
    List<String> notes = new ArrayList<>();
    String id = identity.id();
    switch (version.scalingType()) {
      case MANUAL -> {
        if (id == null) {
          throw new IllegalArgumentException("--instance " + identity + ": a manual version needs an instance id,"
              + " as in " + identity + "/0, or a pod name ending in it (HOSTNAME=" + module.name() + "-"
              + version.version() + "-0)");
        }
        if (Integer.parseInt(id) >= MAX_MANUAL_INSTANCES) {
          throw new IllegalArgumentException("--instance " + identity + ": a manual version has at most "
              + MAX_MANUAL_INSTANCES + " instances, ids 0 to " + (MAX_MANUAL_INSTANCES - 1));
        }
      }
      case BASIC -> {
        int max = ((ScalingConfig.Basic) version.scaling()).maxInstances();
        if (id == null) {
          id = "0";
          notes.add("--instance " + identity + ": no instance id given and the pod name has no ordinal;"
              + " this basic instance reports id 0 (Knative's pods of a basic version have no ordinals)");
        } else if (Integer.parseInt(id) >= max) {
          throw new IllegalArgumentException("--instance " + identity + ": " + version.key() + " has basic scaling"
              + " with max_instances " + max + ", so ids 0 to " + (max - 1));
        }
      }
      case AUTOMATIC -> {
        if (id != null) {
          throw new IllegalArgumentException("--instance " + identity + ": " + version.key() + " has automatic"
              + " scaling, whose instances have no ids to choose; name it " + identity.versionKey());
        }
      }
      default -> throw new IllegalStateException("unknown scaling " + version.scalingType());
    }
    return new SingleInstance(application, version, id, notes);
  }

  /**
   * Returns the whole application, as the cluster runs it.
   *
   * @return the configuration every process of the application reads
   */
  public ApplicationConfig application() {
    return application;
  }

  /**
   * Returns the version of the instance, as configured.
   *
   * @return the version
   */
  public VersionConfig version() {
    return version;
  }

  /**
   * Returns the instance id.
   *
   * @return {@code "0"}, {@code "1"}, … on manual and basic scaling; null on automatic, whose id the host makes
   */
  public String instanceId() {
    return instanceId;
  }

  /**
   * Returns what the resolution chose that the user should know, such as a basic id defaulted to 0.
   *
   * @return notes for the log, possibly none
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * Returns the application the host of this process runs: the one version, with room for the instance's id
   * (a manual version scaled beyond its yaml count by the cluster) and, on automatic scaling, exactly one
   * instance. Dispatch rules are the cluster's (an Ingress), not the process's.
   *
   * @return the narrowed application
   */
  public ApplicationConfig narrowed() {
    ScalingConfig scaling = version.scaling();
    if (scaling instanceof ScalingConfig.Manual manual) {
      scaling = new ScalingConfig.Manual(Math.max(manual.instances(), Integer.parseInt(instanceId) + 1));
    } else if (scaling instanceof ScalingConfig.Automatic auto) {
      scaling = new ScalingConfig.Automatic(
          1, auto.maxIdleInstances(), auto.minPendingLatency(), auto.maxPendingLatency(), 1);
    }
    VersionConfig one = new VersionConfig(version.module(), version.version(), scaling, version.instanceClass(),
        version.threadsafe(), version.maxConcurrentRequests(), version.publicAccess(), version.failfast(),
        version.startHandler(), version.handlers(), version.accessRules(), version.envVariables(),
        version.settings(), version.source());
    return new ApplicationConfig(application.applicationId(),
        List.of(new ModuleConfig(version.module(), List.of(one))), List.of(), application.domain(),
        application.adminToken(), application.security());
  }

  /**
   * Tells whether the host of this process runs a slot.
   *
   * @param candidate a version of the narrowed application
   * @param index the slot's index, which is its instance id
   * @return true only for the slot of this instance
   */
  public boolean runsSlot(VersionConfig candidate, int index) {
    return candidate.key().equals(version.key()) && Integer.toString(index).equals(instanceId);
  }

  @Override
  public String toString() {
    return "instance " + version.key() + (instanceId == null ? "" : "/" + instanceId);
  }
}
