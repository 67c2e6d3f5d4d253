package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.cluster.InstanceIdentity;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A host that runs one instance of an application, as one process of a cluster does (R-DIST-1). */
class SingleInstanceHostTest {

  private static final String APP = """
      application: single
      version: v1
      """;
  private static final String WORKER = """
      application: single
      module: worker
      version: v1
      manual_scaling:
        instances: 2
      """;
  private static final String BASIC = """
      application: single
      module: batch
      version: v1
      basic_scaling:
        max_instances: 3
        idle_timeout: 1m
      """;

  private final Recorder recorder = new Recorder();
  private final VirtualClock clock = new VirtualClock();

  private ResidentHost.Builder host(InstanceIdentity instance) {
    return TestHosts.builder(clock)
        .config("app.yaml", APP).config("worker.yaml", WORKER).config("batch.yaml", BASIC)
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .handlers("worker", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null))
            .servlet("/modules/*", ModulesServlet.class, ModulesServlet::new))
        .handlers("batch", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .instance(instance);
  }

  @Test
  @DisplayName("R-DIST-1 a manual instance beyond the yaml's count runs alone on the main port, after its"
      + " /_ah/start, and nothing else of the application runs")
  void manualInstanceOnMainPort() {
    try (ResidentHost host = host(InstanceIdentity.parse("worker/v1/3")).build()) {
      host.start();
      Await.until("worker/v1/3 serves", () -> host.instanceState("worker", "v1", "3") == InstanceState.SERVING);

      assertThat(Http.get(host.port(), "/hello").body()).isEqualTo("worker/v1/3");
      assertThat(recorder.events).containsSubsequence("/_ah/start worker/v1/3", "/hello worker/v1/3");
      assertThat(host.instances()).extracting(i -> i.module() + "/" + i.version() + "/" + i.instance())
          .containsExactly("worker/v1/3");
      assertThat(recorder.events).noneMatch(e -> e.contains("default/") || e.contains("batch/")
          || e.contains("worker/v1/0") || e.contains("worker/v1/1"));
    }
    assertThat(recorder.count("hook worker/v1/3")).isEqualTo(1);
  }

  @Test
  @DisplayName("R-DIST-1 with no cluster, the modules service of a one-instance process reads the whole"
      + " application and refuses changes, saying why")
  void standaloneModulesService() {
    try (ResidentHost host = host(InstanceIdentity.parse("worker/v1/1")).build()) {
      host.start();
      Await.until("worker/v1/1 serves", () -> host.instanceState("worker", "v1", "1") == InstanceState.SERVING);

      assertThat(Http.get(host.port(), "/modules/read").body())
          .isEqualTo("1 [default, worker, batch] [v1] 2");
      assertThat(host.modulesService().getCurrentInstanceId()).isEqualTo("1");
      assertThatThrownBy(() -> host.modulesService().stopVersion("worker", "v1"))
          .isInstanceOf(ModulesException.class).hasMessageContaining("needs a cluster");
      assertThat(Http.get(host.port(), "/modules/scale").body())
          .startsWith("ModulesException: setNumInstances(worker/v1) needs a cluster: this process runs only"
              + " worker/v1 (--instance)");
    }
  }

  @Test
  @DisplayName("R-DIST-1 a basic instance with no id and no pod ordinal is instance 0, started by its first"
      + " request")
  void basicDefaultsToZero() {
    try (ResidentHost host = host(InstanceIdentity.parse("batch/v1")).build()) {
      host.start();
      assertThat(host.instanceState("batch", "v1", "0")).isEqualTo(InstanceState.STOPPED);
      assertThat(Http.get(host.port(), "/work").body()).isEqualTo("batch/v1/0");
      assertThat(recorder.events).containsSubsequence("/_ah/start batch/v1/0", "/work batch/v1/0");
      // The client has its response a moment before the request leaves the instance; idle counts from then.
      Await.until("the request left the instance", () -> host.stats("batch", "v1", "0").getRequestsActive() == 0);
      clock.advance(Duration.ofMinutes(1));
      Await.until("the idle basic instance stops", () -> host.instanceState("batch", "v1", "0") == InstanceState.STOPPED);
    }
  }

  @Test
  @DisplayName("R-DIST-1 an automatic version runs exactly one instance per process, from the start")
  void automaticRunsOne() {
    try (ResidentHost host = host(InstanceIdentity.parse("default/v1")).build()) {
      host.start();
      Await.until("one automatic instance serves", () -> host.instances().size() == 1
          && host.instances().get(0).state() == InstanceState.SERVING);
      String id = host.instances().get(0).instance();
      assertThat(id).matches("[0-9a-f]{16}");
      assertThat(Http.get(host.port(), "/a").body()).isEqualTo("default/v1/" + id);
    }
  }

  @Test
  @DisplayName("R-DIST-1 an instance the application does not have is refused when the host is built")
  void unknownInstance() {
    assertThatThrownBy(() -> host(InstanceIdentity.parse("worker/v9/0")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--instance worker/v9/0: no version v9 of worker; versions: [v1]");
    assertThatThrownBy(() -> host(InstanceIdentity.parse("worker/v1")).build())
        .hasMessageContaining("a manual version needs an instance id, as in worker/v1/0");
    assertThatThrownBy(() -> host(InstanceIdentity.parse("batch/v1/3")).build())
        .hasMessageContaining("max_instances 3, so ids 0 to 2");
    assertThatThrownBy(() -> host(InstanceIdentity.parse("default/v1/0")).build())
        .hasMessageContaining("automatic scaling, whose instances have no ids to choose");
  }

  /** Answers what the modules service says: {@code /modules/read} reads, {@code /modules/scale} scales. */
  static final class ModulesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      ModulesService modules = ModulesServiceFactory.getModulesService();
      try {
        if (req.getPathInfo().equals("/read")) {
          resp.getWriter().print(modules.getCurrentInstanceId() + " " + modules.getModules() + " "
              + modules.getVersions("worker") + " " + modules.getNumInstances("worker", "v1"));
        } else {
          modules.setNumInstances("worker", "v1", 4);
          resp.getWriter().print("scaled");
        }
      } catch (ModulesException e) {
        resp.getWriter().print("ModulesException: " + e.getMessage());
      }
    }
  }
}
