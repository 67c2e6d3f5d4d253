package dev.resident.examples.backends;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the backends demo on port 8080 ({@code --port N} for another; 0 picks a free one), prints where to
 * point a browser and curl, and runs until Ctrl-C (or SIGTERM), which stops every instance gracefully: each
 * runs its shutdown hook, and memdb's writes its checkpoint.
 *
 * <pre>
 * ./mvnw -q -pl examples/backends-demo -am -DskipTests -Pdemo package
 * </pre>
 */
public final class BackendsDemo {

  private static final Duration START_WAIT = Duration.ofSeconds(10);

  private BackendsDemo() {}

  /**
   * Starts the demo. The host's threads keep the JVM running after this method returns.
   *
   * @param args {@code --port N}, or nothing
   */
  public static void main(String[] args) {
    dev.resident.undertow.logging.JulBridge.install();
    if (args.length != 0 && (args.length != 2 || !args[0].equals("--port") || !args[1].matches("\\d{1,5}"))) {
      System.err.println("Usage: BackendsDemo [--port N]   (default 8080; 0 picks a free port)");
      System.exit(2);
    }
    BackendsApp.Settings settings = BackendsApp.Settings.standard();
    ResidentHost.Builder builder = ResidentHost.builder().port(args.length == 2 ? Integer.parseInt(args[1]) : 8080);
    ResidentHost host = BackendsApp.configure(builder, settings).build();
    host.start();
    awaitManualStarts(host);
    System.out.print(banner(host, settings));
    System.out.flush();
  }

  /** Waits, for a bounded time, until the start requests of the manual instances have answered. */
  private static void awaitManualStarts(ResidentHost host) {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() - deadline < 0 && starting(host.instances())) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static boolean starting(List<InstanceInfo> instances) {
    return instances.stream().anyMatch(instance -> instance.state() == InstanceState.STARTING);
  }

  /**
   * The text printed once the demo runs: where to point a browser, and curl lines with the real addresses.
   *
   * @param host the running host
   * @param settings the demo's settings
   * @return the text, lines ending with a line break
   */
  static String banner(ResidentHost host, BackendsApp.Settings settings) {
    ModulesService modules = host.modulesService();
    String memdb = "http://" + modules.getInstanceHostname("memdb", null, "0");
    String crawler = "http://" + modules.getInstanceHostname("crawler", null, "0");
    String worker = "http://" + modules.getInstanceHostname("worker", null, "0");
    String cmdline = "http://" + modules.getInstanceHostname("cmdline", null, "0");
    String main = "http://" + (host.address().equals("0.0.0.0") ? "localhost" : host.address()) + ":" + host.port();
    return String.join("\n",
        "",
        "Resident backends demo: default module, memdb (5 instances), crawler (10), worker, cmdline (dynamic).",
        "Open " + main + "/ in a browser (or curl it) for every instance and its address;",
        main + "/_ah/admin for the Instances Console, " + main + "/_ah/metrics for Prometheus; both ask for",
        "the demo's admin token (resident.admin_token in app.yaml): curl -H 'Authorization: Bearer demo-admin-token' "
            + main + "/_ah/metrics",
        "",
        "Try:",
        "  curl -X PUT --data 'https://example.com/' " + main + "/memdb/0/kv/" + CrawlerServlet.FRONTIER
            + "    # the default module stores the crawl frontier on memdb/0, with a signed request",
        "  curl " + main + "/memdb/0/kv/" + CrawlerServlet.FRONTIER + "    # and reads it back",
        "  curl -i " + memdb + "/kv/" + CrawlerServlet.FRONTIER + "    # memdb is private: 403 to curl",
        "  curl " + crawler + "/status    # crawler/0 fetches it from memdb/0 every "
            + settings.crawlInterval().toSeconds() + " s, in a background thread",
        "  curl -s '" + worker + "/work?seconds=10' & sleep 1; curl -i " + worker
            + "/work    # worker is busy and failfast: 503 at once",
        "  curl " + cmdline + "/status    # starts cmdline/0, which runs its "
            + settings.jobSteps() + "-step job in /_ah/start, then answers",
        "  curl -H 'Authorization: Bearer demo-admin-token' " + main + "/admin/    # the login: admin handler",
        "",
        "Ctrl-C stops every instance gracefully; memdb checkpoints to " + settings.checkpoints(),
        "and reloads its keys when the demo starts again.",
        "");
  }
}
