package dev.resident.undertow;

import dev.resident.undertow.cluster.InstanceIdentity;
import dev.resident.undertow.cluster.ManifestWriter;
import dev.resident.undertow.cluster.ModulesViews;
import dev.resident.undertow.cluster.ProcessEnvironment;
import dev.resident.undertow.cluster.SingleInstance;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * The launcher (R-HOST-2): runs an application from its yaml files in a JVM of its own.
 *
 * <pre>
 * java -cp &lt;app classpath&gt; dev.resident.undertow.Main [--address A] [--port P] [--check] FILE...
 * </pre>
 *
 * <p>FILE is module yaml, {@code backends.yaml} and {@code dispatch.yaml} files, the default module's first
 * (as {@code dev_appserver.py app.yaml mobile-frontend.yaml my-module.yaml}); static paths are relative to
 * the first file's directory. The launcher starts a {@link ResidentHost} on the address (default
 * {@code 127.0.0.1}) and main port (default 8080), waits up to five seconds for the manual instances' start
 * requests to answer, and prints the instance table to stdout; configuration warnings and the host's log go
 * to stderr. With {@code --check} it only validates the files, prints every problem to stdout and exits.
 *
 * <p>SIGINT or SIGTERM stops every instance gracefully (R-LIFE-5), then the JVM exits with status 0. Exit status 1 means a configuration error or a host that could not start,
 * 2 a wrong command line.
 *
 * <p>With {@code --instance MODULE/VERSION[/ID]} (or {@code RESIDENT_INSTANCE}) the host runs that one
 * instance on the main port, as one process of a cluster (R-DIST-1); the id of a manual or basic instance
 * defaults to the ordinal at the end of {@code HOSTNAME}. Its code's {@code System.getenv} sees the version's
 * {@code env_variables}: when the environment lacks them, the launcher runs itself again in a child JVM that
 * has them ({@link ProcessEnvironment}). Its modules service is the first {@code ModulesServiceProvider} that
 * applies (Kubernetes inside a pod), else one that refuses changes. With {@code --kubernetes-manifests DIR}
 * the launcher writes the application's cluster objects through the {@link ManifestWriter} of
 * {@code runtime-kubernetes} and exits.
 */
public final class Main {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  private static final Duration START_WAIT = Duration.ofSeconds(5);
  /** How long a child JVM may take to stop beyond its shutdown grace. */
  private static final Duration CHILD_STOP_MARGIN = Duration.ofSeconds(15);

  private Main() {}

  /**
   * Runs the launcher. It returns while the host runs; the host's listener threads keep the JVM alive until
   * a stop signal ends it.
   *
   * @param args the command line, see the class documentation and {@code --help}
   */
  public static void main(String[] args) {
    OptionalInt status = run(args);
    if (status.isPresent()) {
      System.exit(status.getAsInt());
    }
  }

  /** Returns the exit status, or nothing once a host runs or a stop signal is ending the JVM. */
  private static OptionalInt run(String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (LaunchOptions.UsageException e) {
      err.println("Error: " + e.getMessage());
      err.println(LaunchOptions.SYNOPSIS + "  (--help for more)");
      return OptionalInt.of(EXIT_USAGE);
    }
    if (options.help()) {
      out.print(LaunchOptions.USAGE);
      return OptionalInt.of(EXIT_OK);
    }
    if (options.check()) {
      return OptionalInt.of(check(options.files(), out));
    }
    if (options.manifests() != null) {
      return OptionalInt.of(manifests(options, out, err));
    }
    InstanceIdentity instance = options.instance();
    if (instance == null && System.getenv(InstanceIdentity.ENV) != null) {
      try {
        instance = InstanceIdentity.parse(System.getenv(InstanceIdentity.ENV));
      } catch (IllegalArgumentException e) {
        err.println("Error: " + InstanceIdentity.ENV + ": " + e.getMessage());
        return OptionalInt.of(EXIT_USAGE);
      }
    }
    if (instance != null) {
      return launchInstance(options, instance.withOrdinalOf(System.getenv("HOSTNAME")), args, err);
    }
    return launch(options, out, err, null);
  }

  /** Runs one instance, in a child JVM when the process environment lacks the version's env_variables. */
  private static OptionalInt launchInstance(LaunchOptions options, InstanceIdentity instance, String[] args,
      PrintStream err) {
    SingleInstance single;
    try {
      single = SingleInstance.resolve(ConfigLoader.load(options.files()).application(), instance);
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return OptionalInt.of(EXIT_FAILED);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return OptionalInt.of(EXIT_FAILED);
    }
    Map<String, String> missing = ProcessEnvironment.missing(single.version().envVariables(), System.getenv());
    if (!missing.isEmpty()) {
      if (System.getenv(ProcessEnvironment.APPLIED) != null) {
        err.println("Error: the environment still lacks env_variables " + missing.keySet() + " of "
            + single.version().key() + " after the launcher set them");
        return OptionalInt.of(EXIT_FAILED);
      }
      err.println("The environment lacks env_variables " + missing.keySet() + " of " + single.version().key()
          + "; running the instance in a child JVM that has them");
      return OptionalInt.of(runInChild(args, missing, single.version().settings().shutdownGrace(), err));
    }
    return launch(options, System.out, err, instance);
  }

  /** Runs the launcher in a child JVM with more environment; a stop signal here stops the child gracefully. */
  private static int runInChild(String[] args, Map<String, String> variables, Duration grace, PrintStream err) {
    Process child;
    try {
      child = ProcessEnvironment.startChild(Main.class.getName(), args, variables);
    } catch (IOException e) {
      err.println("Cannot start the child JVM: " + describe(e));
      return EXIT_FAILED;
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
      return EXIT_FAILED;
    }
  }

  private static int manifests(LaunchOptions options, PrintStream out, PrintStream err) {
    Iterator<ManifestWriter> writers =
        ServiceLoader.load(ManifestWriter.class, Main.class.getClassLoader()).iterator();
    if (!writers.hasNext()) {
      err.println("Error: --kubernetes-manifests needs the artifact dev.resident:runtime-kubernetes on the class"
          + " path; none of its ManifestWriter was found");
      return EXIT_FAILED;
    }
    ApplicationConfig application;
    try {
      var loaded = ConfigLoader.load(options.files());
      loaded.warnings().forEach(err::println);
      application = loaded.application();
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return EXIT_FAILED;
    }
    ManifestWriter.Options manifestOptions = new ManifestWriter.Options(
        options.image() == null ? ManifestWriter.Options.DEFAULT_IMAGE : options.image(),
        options.namespace() == null ? ManifestWriter.Options.DEFAULT_NAMESPACE : options.namespace(),
        options.files().stream().map(file -> file.getFileName().toString()).toList());
    try {
      ManifestWriter.Result result = writers.next().write(application, manifestOptions, options.manifests());
      result.files().forEach(file -> out.println("wrote " + file));
      result.unexpressed().forEach(note -> err.println("Not expressed: " + note));
      out.println("Wrote " + count(result.files().size(), "file") + " into " + options.manifests()
          + (result.unexpressed().isEmpty() ? "" : "; " + count(result.unexpressed().size(), "rule")
          + " not expressed (see stderr)"));
      return EXIT_OK;
    } catch (IOException e) {
      err.println("Cannot write the manifests: " + describe(e));
      return EXIT_FAILED;
    }
  }

  private static int check(List<Path> files, PrintStream out) {
    List<ConfigProblem> problems;
    try {
      problems = ConfigLoader.load(files).warnings();
    } catch (ConfigException e) {
      problems = e.problems();
    }
    problems.forEach(out::println);
    long errors = problems.stream().filter(ConfigProblem::isError).count();
    out.println("Checked " + count(files.size(), "file") + ": " + (errors == 0 ? "no errors" : count(errors, "error"))
        + ", " + count(problems.size() - errors, "warning"));
    return errors == 0 ? EXIT_OK : EXIT_FAILED;
  }

  private static OptionalInt launch(LaunchOptions options, PrintStream out, PrintStream err, InstanceIdentity one) {
    ResidentHost host;
    try {
      // Read first as --check does, so that unreadable files are reported with every other problem.
      ConfigLoader.load(options.files());
      ResidentHost.Builder builder = ResidentHost.builder()
          .config(options.files().toArray(Path[]::new))
          .address(options.address())
          .port(options.port())
          .baseDirectory(options.files().get(0).toAbsolutePath().getParent())
          .stopOnJvmShutdown(true);
      if (one != null) {
        builder.instance(one)
            .modulesView(app -> ModulesViews.choose(app, Main.class.getClassLoader(), err::println));
      }
      host = builder.build();
      host.warnings().forEach(err::println);
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      return OptionalInt.of(EXIT_FAILED);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("Error: " + describe(e));
      return OptionalInt.of(EXIT_FAILED);
    }
    StopSignals signals = StopSignals.install(err, host::stop);
    try {
      host.start();
      List<InstanceInfo> rows = InstanceTable.whenStarted(host::instances, START_WAIT);
      out.print(InstanceTable.format(ResidentHost.url(host.address(), host.port()), rows));
      out.flush();
      return OptionalInt.empty();
    } catch (RuntimeException e) {
      if (signals.received()) {
        return OptionalInt.empty();
      }
      err.println("Cannot start the host: " + describe(e));
      return OptionalInt.of(EXIT_FAILED);
    }
  }

  private static String describe(Throwable e) {
    String what = e.getMessage() != null ? e.getMessage() : e.toString();
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null || what.contains(cause.getMessage())
        ? what : what + ": " + cause.getMessage();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
