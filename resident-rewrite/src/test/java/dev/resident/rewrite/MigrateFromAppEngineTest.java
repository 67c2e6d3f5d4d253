package dev.resident.rewrite;

import static org.openrewrite.java.Assertions.java;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/** R-MIG-1: each row of the README's migration table, through {@code dev.resident.MigrateFromAppEngine}. */
class MigrateFromAppEngineTest implements RewriteTest {

  @Override
  public void defaults(RecipeSpec spec) {
    spec.recipeFromResources("dev.resident.MigrateFromAppEngine").parser(AppEngineStubs.parser());
  }

  @Test
  void lifecycleManagerKeepsItsCalls() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.LifecycleManager;

        class Shutdown {
          long watch() {
            LifecycleManager lifecycle = LifecycleManager.getInstance();
            lifecycle.setShutdownHook(() -> LifecycleManager.getInstance().interruptAllRequests());
            if (lifecycle.isShuttingDown()) {
              lifecycle.beginShutdown(1000L);
            }
            return lifecycle.getRemainingShutdownTime();
          }
        }
        """,
        """
        package app;

        import dev.resident.api.LifecycleManager;

        class Shutdown {
          long watch() {
            LifecycleManager lifecycle = LifecycleManager.getInstance();
            lifecycle.setShutdownHook(() -> LifecycleManager.getInstance().interruptAllRequests());
            if (lifecycle.isShuttingDown()) {
              lifecycle.beginShutdown(1000L);
            }
            return lifecycle.getRemainingShutdownTime();
          }
        }
        """));
  }

  @Test
  void backendServiceCallsBecomeModulesServiceCalls() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.backends.BackendService;
        import com.google.appengine.api.backends.BackendServiceFactory;

        class Backends {
          String where() {
            BackendService backends = BackendServiceFactory.getBackendService();
            int instance = backends.getCurrentInstance();
            return backends.getCurrentBackend() + instance + backends.getBackendAddress("worker")
                + backends.getBackendAddress("worker", instance + 1);
          }
        }
        """,
        """
        package app;

        import dev.resident.api.modules.ModulesService;
        import dev.resident.api.modules.ModulesServiceFactory;

        class Backends {
          String where() {
            ModulesService backends = ModulesServiceFactory.getModulesService();
            int instance = Integer.parseInt(backends.getCurrentInstanceId());
            return backends.getCurrentModule() + instance + backends.getVersionHostname("worker", null)
                + backends.getInstanceHostname("worker", null, String.valueOf(instance + 1));
          }
        }
        """));
  }
}
