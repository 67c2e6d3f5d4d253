package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AddressingTest {

  private final Recorder recorder = new Recorder();
  private ResidentHost host;

  @BeforeEach
  void start() {
    host = TestHosts.builder(new VirtualClock())
        .config("app.yaml", """
            application: simple-sample
            version: uno
            resident:
              domain: example.com
            """)
        .config("mobile-frontend.yaml", """
            module: mobile-frontend
            version: uno
            """)
        .config("my-module.yaml", """
            module: my-module
            version: uno
            instance_class: B8
            manual_scaling:
              instances: 2
            """)
        .config("dispatch.yaml", """
            dispatch:
              - url: "*/mobile/*"
                module: mobile-frontend
            """)
        .handlers("default", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .handlers("mobile-frontend", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .handlers("my-module", h -> h.servlet("/*", LifecycleServlet.class,
            () -> new LifecycleServlet(recorder, () -> 200, null, null)))
        .build();
    host.start();
    Await.until("my-module serves", () -> host.instanceState("my-module", "uno", "0") == InstanceState.SERVING
        && host.instanceState("my-module", "uno", "1") == InstanceState.SERVING);
  }

  @AfterEach
  void stop() {
    host.stop();
  }

  @Test
  @DisplayName("R-CFG-4 dispatch rules are evaluated first on the main port")
  void dispatchRuleWins() {
    assertThat(Http.get(host.port(), "/mobile/home").body()).startsWith("mobile-frontend/uno/");
    assertThat(Http.get(host.port(), "/home").body()).startsWith("default/uno/");
  }

  @Test
  @DisplayName("R-HOST-3 Host headers address modules, versions and instances, with . or -dot-")
  void hostHeaders() {
    assertThat(RawHttp.get(host.port(), "/x", "my-module.example.com").body()).startsWith("my-module/uno/");
    assertThat(RawHttp.get(host.port(), "/x", "uno.my-module.example.com").body()).startsWith("my-module/uno/");
    assertThat(RawHttp.get(host.port(), "/x", "1.uno.my-module.example.com").body()).isEqualTo("my-module/uno/1");
    assertThat(RawHttp.get(host.port(), "/x", "1-dot-uno-dot-my-module.example.com").body())
        .isEqualTo("my-module/uno/1");
    assertThat(host.modulesService().getInstanceHostname("my-module", "uno", "0"))
        .isEqualTo("0.uno.my-module.example.com");
  }

  @Test
  @DisplayName("R-HOST-4 unknown module goes to default; unknown instance gets 404; a stopped instance 503")
  void unknownNames() {
    assertThat(RawHttp.get(host.port(), "/x", "nothing.example.com").body()).startsWith("default/uno/");
    assertThat(RawHttp.get(host.port(), "/x", "7.uno.my-module.example.com").status()).isEqualTo(404);
    host.modulesService().stopVersion("my-module", "uno");
    assertThat(Http.get(host.instancePort("my-module", "uno", "0"), "/x").statusCode()).isEqualTo(503);
  }
}
