package dev.resident.examples.modules;

import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the modules demo, as {@code dev_appserver.py app.yaml mobile-frontend.yaml my-module.yaml} would, on
 * port 8080 ({@code --port N} for another; 0 picks a free one); prints where to point a browser and curl,
 * and runs until Ctrl-C (or SIGTERM), which stops every instance gracefully.
 *
 * <pre>
 * ./mvnw -q -pl examples/modules-demo -am -DskipTests -Pdemo package
 * </pre>
 */
public final class ModulesDemo {

  /** The yaml files, class-path resources, the default module's first. */
  static final List<String> CONFIG = List.of("app.yaml", "mobile-frontend.yaml", "my-module.yaml", "dispatch.yaml");

  private ModulesDemo() {}

  /**
   * Starts the demo. The host's threads keep the JVM running after this method returns.
   *
   * @param args {@code --port N}, or nothing
   */
  public static void main(String[] args) {
    dev.resident.undertow.logging.JulBridge.install();
    if (args.length != 0 && (args.length != 2 || !args[0].equals("--port") || !args[1].matches("\\d{1,5}"))) {
      System.err.println("Usage: ModulesDemo [--port N]   (default 8080; 0 picks a free port)");
      System.exit(2);
    }
    ResidentHost.Builder builder = ResidentHost.builder().port(args.length == 2 ? Integer.parseInt(args[1]) : 8080);
    for (String file : CONFIG) {
      builder.config(file, resource(file));
    }
    ResidentHost host = builder.build();
    host.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (host.instanceState("my-module", null, "0") == InstanceState.STARTING && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // its start request builds the table
    }
    System.out.print(banner(host));
    System.out.flush();
  }

  private static String resource(String name) {
    try (InputStream in = ModulesDemo.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + " from the class path", e);
    }
  }

  /**
   * The text printed once the demo runs: where to point a browser and curl, and the instances.
   *
   * @param host the running host
   * @return the text, lines ending with a line break
   */
  static String banner(ResidentHost host) {
    String main = "http://" + (host.address().equals("0.0.0.0") ? "localhost" : host.address()) + ":" + host.port();
    String myModule = "http://" + host.modulesService().getInstanceHostname("my-module", null, "0");
    StringBuilder text = new StringBuilder(String.join("\n",
        "",
        "Resident modules demo (simple-sample): default, mobile-frontend, my-module.",
        "Open " + main + "/ in a browser.",
        "",
        "Try:",
        "  curl " + main + "/              # the default module, with every module's address",
        "  curl " + main + "/mobile/news   # dispatch.yaml sends */mobile/* to mobile-frontend",
        "  curl " + main + "/news          # everything else goes to the default module",
        "  curl " + myModule + "/primes/97   # my-module's one resident instance, at its instance hostname",
        "",
        "Instances now (mobile-frontend keeps 2 idle; default starts on its first request):",
        ""));
    for (InstanceInfo instance : host.instances()) {
      text.append(String.format("  %-16s %-17s %s%n", instance.module(), instance.instance(), instance.state()));
    }
    return text.append("Ctrl-C stops every instance gracefully.\n").toString();
  }
}
