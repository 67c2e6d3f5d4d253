package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.api.modules.ModulesException;
import dev.resident.api.modules.ModulesService;
import dev.resident.api.modules.ModulesServiceFactory;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModulesServiceTest {

  private final Recorder recorder = new Recorder();
  private final VirtualClock clock = new VirtualClock();
  private ResidentHost host;

  @BeforeEach
  void start() {
    host = TestHosts.builder(clock)
        .version(VersionBuilder.automatic("default", "v1").build())
        .version(VersionBuilder.automatic("default", "v2").build())
        .version(VersionBuilder.manual("worker", "v1", 2).build())
        .version(VersionBuilder.basic("batch", "v1", 3, Duration.ofMinutes(1)).build())
        .handlers("default", h -> h.servlet("/where", WhereServlet.class))
        .handlers("worker", h -> h
            .servlet("/*", LifecycleServlet.class, () -> new LifecycleServlet(recorder, () -> 200, null, null))
            .servlet("/modules", ModulesServlet.class))
        .handlers("batch", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .build();
    host.start();
    Await.until("workers serve", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING
        && host.instanceState("worker", "v1", "1") == InstanceState.SERVING);
  }

  @AfterEach
  void stop() {
    host.stop();
  }

  /** Answers where it runs. */
  public static class WhereServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().print(LifecycleServlet.where());
    }
  }

  /** Answers what the modules service says from inside an instance. */
  public static class ModulesServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      ModulesService modules = ModulesServiceFactory.getModulesService();
      resp.getWriter().print(modules.getCurrentModule() + " " + modules.getCurrentVersion() + " "
          + modules.getCurrentInstanceId() + " " + modules.getModules() + " " + modules.getVersions(null) + " "
          + modules.getNumInstances(null, null) + " " + modules.getDefaultVersion("default"));
    }
  }

  @Test
  @DisplayName("R-API-3 inside an instance the modules service answers for that instance")
  void answersFromInsideAnInstance() {
    String body = Http.get(host.instancePort("worker", "v1", "1"), "/modules").body();
    assertThat(body).isEqualTo("worker v1 1 [default, worker, batch] [v1] 2 v1");
  }

  @Test
  @DisplayName("R-API-3 the host's modules service lists modules, versions and defaults")
  void listsModulesAndVersions() {
    ModulesService modules = host.modulesService();
    assertThat(modules.getModules()).containsExactly("default", "worker", "batch");
    assertThat(modules.getVersions("default")).containsExactly("v1", "v2");
    assertThat(modules.getDefaultVersion("default")).isEqualTo("v1");
    assertThat(modules.getCurrentModule()).isEqualTo("default");
    assertThat(modules.getNumInstances("worker", "v1")).isEqualTo(2);
  }

  @Test
  @DisplayName("R-API-4 setNumInstances adds instances that get start requests, and removes the highest ones")
  void setNumInstancesUpAndDown() throws Exception {
    ModulesService modules = host.modulesService();
    modules.setNumInstances("worker", "v1", 4);
    assertThat(modules.getNumInstances("worker", "v1")).isEqualTo(4);
    assertThat(host.instanceState("worker", "v1", "3")).isEqualTo(InstanceState.SERVING);
    assertThat(recorder.saw("/_ah/start worker/v1/3")).isTrue();
    assertThat(Http.get(modules.getInstanceHostname("worker", "v1", "3"), "/x").body()).isEqualTo("worker/v1/3");

    Future<Void> down = modules.setNumInstancesAsync("worker", "v1", 1);
    down.get(20, TimeUnit.SECONDS);
    assertThat(modules.getNumInstances("worker", "v1")).isEqualTo(1);
    assertThat(recorder.count("hook worker/v1/1")).isEqualTo(1);
    assertThat(recorder.count("hook worker/v1/2")).isEqualTo(1);
    assertThat(recorder.count("hook worker/v1/3")).isEqualTo(1);
    assertThat(recorder.count("hook worker/v1/0")).isZero();
    assertThatThrownBy(() -> modules.getInstanceHostname("worker", "v1", "3"))
        .isInstanceOf(ModulesException.class)
        .hasMessage("Unknown instance 3 of worker/v1; instances: 0 to 0");
  }

  @Test
  @DisplayName("R-API-3 every host name answers a plain HTTP client")
  void hostnamesAnswer() {
    ModulesService modules = host.modulesService();
    assertThat(Http.get(modules.getVersionHostname("default", "v2"), "/where").body()).startsWith("default/v2/");
    assertThat(Http.get(modules.getVersionHostname("worker", "v1"), "/x").body()).startsWith("worker/v1/");
    for (String instance : new String[] {"0", "1"}) {
      assertThat(Http.get(modules.getInstanceHostname("worker", "v1", instance), "/x").body())
          .isEqualTo("worker/v1/" + instance);
    }
    assertThat(Http.get(modules.getInstanceHostname("batch", "v1", "2"), "/x").body()).isEqualTo("batch/v1/2");
  }

  @Test
  @DisplayName("R-API-4 stopVersion and startVersion really stop and start every instance")
  void stopAndStartVersion() {
    ModulesService modules = host.modulesService();
    modules.stopVersion("worker", "v1");
    assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    assertThat(host.instanceState("worker", "v1", "1")).isEqualTo(InstanceState.STOPPED);
    assertThat(Http.get(host.versionPort("worker", "v1"), "/x").statusCode()).isEqualTo(503);
    modules.startVersion("worker", "v1");
    Await.until("both serve again", () -> host.instanceState("worker", "v1", "0") == InstanceState.SERVING
        && host.instanceState("worker", "v1", "1") == InstanceState.SERVING);
  }

  @Test
  @DisplayName("R-API-3 bad arguments are ModulesExceptions that name what exists")
  void badArguments() {
    ModulesService modules = host.modulesService();
    assertThatThrownBy(() -> modules.getVersions("nope"))
        .isInstanceOf(ModulesException.class).hasMessage("Unknown module nope; modules: [default, worker, batch]");
    assertThatThrownBy(() -> modules.getNumInstances("worker", "v9"))
        .isInstanceOf(ModulesException.class).hasMessage("Unknown module version worker/v9; versions of worker: [v1]");
    assertThatThrownBy(() -> modules.setNumInstances("batch", "v1", 2))
        .isInstanceOf(ModulesException.class)
        .hasMessage("setNumInstances needs manual scaling; batch/v1 uses basic scaling");
    assertThatThrownBy(() -> modules.stopVersion("default", "v1"))
        .isInstanceOf(ModulesException.class)
        .hasMessage("stopVersion needs manual or basic scaling; default/v1 uses automatic scaling");
    assertThatThrownBy(() -> modules.setNumInstances("worker", "v1", 0))
        .isInstanceOf(ModulesException.class).hasMessage("setNumInstances needs 1 to 200 instances, found 0");
    assertThatThrownBy(() -> modules.setNumInstances("worker", "v1", 201))
        .isInstanceOf(ModulesException.class).hasMessage("setNumInstances needs 1 to 200 instances, found 201");
    assertThatThrownBy(() -> modules.getInstanceHostname("worker", "v1", "7"))
        .isInstanceOf(ModulesException.class).hasMessage("Unknown instance 7 of worker/v1; instances: 0 to 1");
    assertThatThrownBy(() -> modules.getInstanceHostname("worker", "v1", "-1"))
        .isInstanceOf(ModulesException.class).hasMessage("Unknown instance -1 of worker/v1; instances: 0 to 1");
    assertThatThrownBy(modules::getCurrentInstanceId).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("R-LIFE-7 a basic instance idle for idle_timeout stops through the full sequence, its state erased")
  void basicIdleTimeout() {
    assertThat(Http.get(host.versionPort("batch", "v1"), "/x").body()).isEqualTo("batch/v1/0");
    Await.until("the request has ended on the host", () -> host.stats("batch", "v1", "0").getRequestsActive() == 0);
    clock.advance(Duration.ofSeconds(59));
    assertThat(host.instanceState("batch", "v1", "0")).isEqualTo(InstanceState.SERVING);
    assertThat(Http.get(host.instancePort("batch", "v1", "0"), "/x").statusCode()).isEqualTo(200);
    Await.until("the request has ended on the host", () -> host.stats("batch", "v1", "0").getRequestsActive() == 0);
    clock.advance(Duration.ofSeconds(59));
    assertThat(host.instanceState("batch", "v1", "0")).isEqualTo(InstanceState.SERVING);
    clock.advance(Duration.ofSeconds(1));
    Await.until("idle instance stops", () -> host.instanceState("batch", "v1", "0") == InstanceState.STOPPED);
    assertThat(recorder.count("hook batch/v1/0")).isEqualTo(1);

    assertThat(Http.get(host.versionPort("batch", "v1"), "/x").body()).isEqualTo("batch/v1/0");
    assertThat(recorder.count("/_ah/start batch/v1/0")).as("a new instance, with a new start").isEqualTo(2);
  }
}
