package dev.resident.undertow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.ServletContainer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-REL-1: a deployment whose start fails leaves nothing in the servlet container, and the context
 * listeners that did initialise get {@code contextDestroyed}, last first; those that did not, never.
 */
class FailedDeploymentTest {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final ServletContainer container = Servlets.newContainer();

  /** Records its calls under a name. */
  static class NamedListener implements ServletContextListener {
    private final String name;
    private final List<String> events;
    private final boolean fails;

    NamedListener(String name, List<String> events, boolean fails) {
      this.name = name;
      this.events = events;
      this.fails = fails;
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
      events.add("init " + name);
      if (fails) {
        throw new IllegalStateException(name + " fails on purpose");
      }
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
      events.add("destroyed " + name);
    }
  }

  private DeploymentPlan plan(ModuleHandlers handlers) {
    return DeploymentPlan.of("default/v1", getClass().getClassLoader(), handlers, List.of(), Path.of("."), Map.of());
  }

  private ModuleHandlers listeners(String failing) {
    ModuleHandlers handlers = new ModuleHandlers();
    for (String name : List.of("first", "second", "third")) {
      handlers.listener(NamedListener.class, () -> new NamedListener(name, events, name.equals(failing)));
    }
    return handlers;
  }

  @Test
  @DisplayName("R-REL-1 a listener that throws: no deployment left in the container, the ones before it destroyed")
  void throwingListener() {
    DeploymentPlan plan = plan(listeners("second"));
    for (int run = 0; run < 5; run++) {
      String name = "default/v1/0#" + run;
      Throwable failure = catchThrowable(() -> plan.deploy(container, name));
      assertThat(failure).as("the deployment fails").isNotNull();
      assertThat(container.listDeployments()).as("deployments in the container after failure " + run).isEmpty();
    }
    List<String> expected = new ArrayList<>();
    for (int run = 0; run < 5; run++) {
      expected.addAll(List.of("init first", "init second", "destroyed first"));
    }
    assertThat(events).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("R-REL-1 the first listener throws: nothing is destroyed, nothing is left")
  void firstListenerThrows() {
    Throwable failure = catchThrowable(() -> plan(listeners("first")).deploy(container, "default/v1/0#1"));
    assertThat(failure).isNotNull();
    assertThat(container.listDeployments()).isEmpty();
    assertThat(events).containsExactly("init first");
  }

  @Test
  @DisplayName("R-REL-1 a deployment that starts and stops leaves nothing either")
  void startAndStop() throws Exception {
    InstanceDeployment deployment = plan(listeners(null)).deploy(container, "default/v1/0#1");
    assertThat(container.listDeployments()).containsExactly("default/v1/0#1");
    deployment.stop();
    assertThat(container.listDeployments()).isEmpty();
    assertThat(events).containsExactly("init first", "init second", "init third",
        "destroyed third", "destroyed second", "destroyed first");
  }
}
