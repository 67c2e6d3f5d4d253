package dev.resident.undertow;

import dev.resident.undertow.cluster.InstanceIdentity;
import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.cluster.ProcessEnvironment;
import dev.resident.undertow.cluster.SingleInstance;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The launcher's commands beyond one machine (R-DIST-1, R-DIST-3).
 *
 * <p>{@code --instance MODULE/VERSION[/ID]} (or {@code RESIDENT_INSTANCE}) runs one instance on the main port;
 * the id of a manual or basic instance defaults to the ordinal at the end of {@code HOSTNAME}. Its code's
 * {@code System.getenv} sees the version's {@code env_variables}: when the environment lacks them, the launcher
 * runs itself again in a child JVM that has them ({@link ProcessEnvironment}). Its modules service is the first
 * {@code ModulesServiceProvider} that applies (Kubernetes inside a pod), else one that refuses changes.
 *
 * <p>{@code --kubernetes-manifests DIR} delegates to the {@link ManifestWriter} on the class path
 * ({@code runtime-kubernetes}), and fails naming that artifact when there is none.
 */
final class ClusterCommands {

  /** How long a child JVM may take to stop beyond its shutdown grace. */
  private static final Duration CHILD_STOP_MARGIN = Duration.ofSeconds(15);

  private ClusterCommands() {}

  /**
   * Returns the instance the process runs: {@code --instance}, else {@code RESIDENT_INSTANCE}, with the id
   * taken from the ordinal of {@code HOSTNAME} when none was given.
   *
   * @param options the command line
   * @return the instance, or null to run every instance
   * @throws LaunchOptions.UsageException if {@code RESIDENT_INSTANCE} is malformed
   */
  static InstanceIdentity instance(LaunchOptions options) {
    InstanceIdentity instance = options.instance();
    String variable = System.getenv(InstanceIdentity.ENV);
    if (instance == null && variable != null) {
      try {
        instance = InstanceIdentity.parse(variable);
      } catch (IllegalArgumentException e) {
        throw new LaunchOptions.UsageException(InstanceIdentity.ENV + ": " + e.getMessage());
      }
    }
    return instance == null ? null : instance.withOrdinalOf(System.getenv("HOSTNAME"));
  }

  /** Runs one instance, in a child JVM when the process environment lacks the version's env_variables. */
  static OptionalInt launchInstance(LaunchOptions options, InstanceIdentity instance, String[] args,
      PrintStream err, Function<InstanceIdentity, OptionalInt> launch) {
    SingleInstance single;
    try {
      single = SingleInstance.resolve(ConfigLoader.load(options.files()).application(), instance);
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return OptionalInt.of(Main.EXIT_FAILED);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return OptionalInt.of(Main.EXIT_FAILED);
    }
    Map<String, String> missing = ProcessEnvironment.missing(single.version().envVariables(), System.getenv());
    if (!missing.isEmpty()) {
      if (System.getenv(ProcessEnvironment.APPLIED) != null) {
        err.println("Error: the environment still lacks env_variables " + missing.keySet() + " of "
            + single.version().key() + " after the launcher set them");
        return OptionalInt.of(Main.EXIT_FAILED);
      }
      err.println("The environment lacks env_variables " + missing.keySet() + " of " + single.version().key()
          + "; running the instance in a child JVM that has them");
      return OptionalInt.of(runInChild(args, missing, single.version().settings().shutdownGrace(), err));
    }
    return launch.apply(instance);
  }

  /** Runs the launcher in a child JVM with more environment; a stop signal here stops the child gracefully. */
  private static int runInChild(String[] args, Map<String, String> variables, Duration grace, PrintStream err) {
    Process child;
    try {
      child = ProcessEnvironment.startChild(Main.class.getName(), args, variables);
    } catch (IOException e) {
      err.println("Cannot start the child JVM: " + Main.describe(e));
      return Main.EXIT_FAILED;
    }
    Duration bound = grace.plus(CHILD_STOP_MARGIN);
    StopSignals.install(err, () -> {
      child.destroy();
      try {
        if (!child.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
          err.println("The child JVM did not stop within " + bound + "; killing it");
          child.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
      return Main.EXIT_FAILED;
    }
  }

  static int manifests(LaunchOptions options, PrintStream out, PrintStream err) {
    Iterator<ManifestWriter> writers =
        ServiceLoader.load(ManifestWriter.class, ClusterCommands.class.getClassLoader()).iterator();
    if (!writers.hasNext()) {
      err.println("Error: --kubernetes-manifests needs the artifact dev.resident:runtime-kubernetes on the class"
          + " path; none of its ManifestWriter was found");
      return Main.EXIT_FAILED;
    }
    ApplicationConfig application;
    try {
      var loaded = ConfigLoader.load(options.files());
      loaded.warnings().forEach(err::println);
      application = loaded.application();
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return Main.EXIT_FAILED;
    }
    ManifestWriter.Options manifestOptions = new ManifestWriter.Options(
        options.image() == null ? ManifestWriter.Options.DEFAULT_IMAGE : options.image(),
        options.namespace() == null ? ManifestWriter.Options.DEFAULT_NAMESPACE : options.namespace(),
        options.files().stream().map(file -> file.getFileName().toString()).toList());
    try {
      ManifestWriter.Result result = writers.next().write(application, manifestOptions, options.manifests());
      result.files().forEach(file -> out.println("wrote " + file));
      result.unexpressed().forEach(note -> err.println("Not expressed: " + note));
      out.println("Wrote " + Main.count(result.files().size(), "file") + " into " + options.manifests()
          + (result.unexpressed().isEmpty() ? "" : "; " + Main.count(result.unexpressed().size(), "rule")
          + " not expressed (see stderr)"));
      return Main.EXIT_OK;
    } catch (IOException e) {
      err.println("Cannot write the manifests: " + Main.describe(e));
      return Main.EXIT_FAILED;
    }
  }
}
