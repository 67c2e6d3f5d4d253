package dev.resident.undertow;

import dev.resident.undertow.cluster.InstanceIdentity;
import dev.resident.undertow.cluster.ModulesViews;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.LoadedConfig;
import dev.resident.undertow.security.SecurityPlan;
import java.util.ArrayList;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The launcher (R-HOST-2): runs an application from its yaml files in a JVM of its own.
 *
 * <pre>
 * java -cp &lt;app classpath&gt; dev.resident.undertow.Main [--address A] [--port P] [--check] FILE...
 * </pre>
 *
 * <p>FILE is module yaml, {@code backends.yaml} and {@code dispatch.yaml} files, the default module's first
 * (as {@code dev_appserver.py app.yaml mobile-frontend.yaml my-module.yaml}); static paths are relative to
 * the first file's directory. FILE may also be an exploded WAR or EAR directory (R-WAR-1), as
 * {@code appcfg update my-application/} took one. The launcher starts a {@link ResidentHost} on the address (default
 * {@code 127.0.0.1}) and main port (default 8080), waits up to five seconds for the manual instances' start
 * requests to answer, and prints the instance table to stdout; configuration warnings and the host's log go
 * to stderr. With {@code --check} it only validates the files, prints every problem to stdout and exits.
 *
 * <p>SIGINT or SIGTERM stops every instance gracefully (R-LIFE-5), then the JVM exits with status 0. Exit status 1 means a configuration error or a host that could not start,
 * 2 a wrong command line.
 *
 * <p>With {@code --instance MODULE/VERSION[/ID]} (or {@code RESIDENT_INSTANCE}) the host runs that one
 * instance on the main port, as one process of a cluster (R-DIST-1), and with {@code --kubernetes-manifests
 * DIR} the launcher writes the application's cluster objects and exits; see {@link ClusterCommands}.
 */
public final class Main {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  private static final Duration START_WAIT = Duration.ofSeconds(5);

  private Main() {}

  /**
   * Runs the launcher. It returns while the host runs; the host's listener threads keep the JVM alive until
   * a stop signal ends it.
   *
   * @param args the command line, see the class documentation and {@code --help}
   */
  public static void main(String[] args) {
    // One log format for the whole process: XNIO's and Undertow's java.util.logging lines go to SLF4J too.
    dev.resident.undertow.logging.JulBridge.install();
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
      return OptionalInt.of(ClusterCommands.manifests(options, out, err));
    }
    InstanceIdentity instance;
    try {
      instance = ClusterCommands.instance(options);
    } catch (LaunchOptions.UsageException e) {
      err.println("Error: " + e.getMessage());
      return OptionalInt.of(EXIT_USAGE);
    }
    if (instance != null) {
      return ClusterCommands.launchInstance(options, instance, args, err, one -> launch(options, out, err, one));
    }
    return launch(options, out, err, null);
  }

  private static int check(List<Path> files, PrintStream out) {
    List<ConfigProblem> problems;
    try {
      LoadedConfig loaded = ConfigLoader.load(files);
      problems = new ArrayList<>(SecurityPlan.check(loaded.application(), Main.class.getClassLoader(),
          files.get(0).toAbsolutePath().getParent()));
      problems.addAll(loaded.warnings());
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
      if (options.accessLog() != null) {
        builder.accessLogFile(options.accessLog());
      }
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

  static String describe(Throwable e) {
    String what = e.getMessage() != null ? e.getMessage() : e.toString();
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null || what.contains(cause.getMessage())
        ? what : what + ": " + cause.getMessage();
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
