package dev.resident.rewrite;

import static org.openrewrite.java.Assertions.java;
import static org.openrewrite.xml.Assertions.xml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/** R-MIG-1: each row of the README's migration table, through {@code dev.resident.MigrateFromAppEngine}. */
class MigrateFromAppEngineTest implements RewriteTest {

  @Override
  public void defaults(RecipeSpec spec) {
    spec.recipeFromResources("dev.resident.MigrateFromAppEngine").parser(TestParsers.parser());
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

  @Test
  void backendServiceCallsOnTheFactoryResultAreRewrittenToo() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.backends.BackendServiceFactory;

        class Backends {
          int instance() {
            return BackendServiceFactory.getBackendService().getCurrentInstance();
          }
        }
        """,
        """
        package app;

        import dev.resident.api.modules.ModulesServiceFactory;

        class Backends {
          int instance() {
            return Integer.parseInt(ModulesServiceFactory.getModulesService().getCurrentInstanceId());
          }
        }
        """));
  }

  @Test
  void staticImportsMoveToResident() {
    rewriteRun(java(
        """
        package app;

        import static com.google.appengine.api.ThreadManager.createBackgroundThread;

        class Worker {
          void start(Runnable work) {
            createBackgroundThread(work).start();
          }
        }
        """,
        """
        package app;

        import static dev.resident.api.ThreadManager.createBackgroundThread;

        class Worker {
          void start(Runnable work) {
            createBackgroundThread(work).start();
          }
        }
        """));
  }

  @Test
  void shutdownHookMovesWithItsManager() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.LifecycleManager;
        import com.google.appengine.api.LifecycleManager.ShutdownHook;

        class Hooks {
          void install() {
            LifecycleManager.getInstance().setShutdownHook(new ShutdownHook() {
              @Override
              public void shutdown() {
                LifecycleManager.getInstance().interruptAllRequests();
              }
            });
            LifecycleManager.ShutdownHook nested = () -> {};
            LifecycleManager.getInstance().setShutdownHook(nested);
          }
        }
        """,
        """
        package app;

        import dev.resident.api.LifecycleManager;

        class Hooks {
          void install() {
            LifecycleManager.getInstance().setShutdownHook(new LifecycleManager.ShutdownHook() {
              @Override
              public void shutdown() {
                LifecycleManager.getInstance().interruptAllRequests();
              }
            });
            LifecycleManager.ShutdownHook nested = () -> {};
            LifecycleManager.getInstance().setShutdownHook(nested);
          }
        }
        """));
  }

  @Test
  void threadManagerKeepsItsCalls() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.ThreadManager;
        import java.util.concurrent.ThreadFactory;

        class Threads {
          void start(Runnable work) {
            ThreadFactory request = ThreadManager.currentRequestThreadFactory();
            request.newThread(work).start();
            ThreadManager.createThreadForCurrentRequest(work).start();
            ThreadFactory background = ThreadManager.backgroundThreadFactory();
            background.newThread(work).start();
            ThreadManager.createBackgroundThread(work).start();
          }
        }
        """,
        """
        package app;

        import dev.resident.api.ThreadManager;

        import java.util.concurrent.ThreadFactory;

        class Threads {
          void start(Runnable work) {
            ThreadFactory request = ThreadManager.currentRequestThreadFactory();
            request.newThread(work).start();
            ThreadManager.createThreadForCurrentRequest(work).start();
            ThreadFactory background = ThreadManager.backgroundThreadFactory();
            background.newThread(work).start();
            ThreadManager.createBackgroundThread(work).start();
          }
        }
        """));
  }

  @Test
  void modulesServiceAndItsFactoryKeepTheirCalls() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.modules.ModulesService;
        import com.google.appengine.api.modules.ModulesServiceFactory;
        import java.util.concurrent.Future;

        class Modules {
          private final ModulesService modules = ModulesServiceFactory.getModulesService();

          Future<Void> scale() {
            String here = modules.getCurrentModule() + modules.getCurrentVersion() + modules.getCurrentInstanceId();
            for (String module : modules.getModules()) {
              for (String version : modules.getVersions(module)) {
                here += modules.getInstanceHostname(module, version, "0") + modules.getVersionHostname(module, version);
              }
            }
            String version = modules.getDefaultVersion("worker");
            modules.setNumInstances("worker", version, modules.getNumInstances("worker", version) + 1L);
            modules.stopVersion("worker", version);
            modules.startVersion("worker", version);
            modules.stopVersionAsync("batch", "v1");
            modules.startVersionAsync("batch", "v1");
            return modules.setNumInstancesAsync("worker", version, 2);
          }
        }
        """,
        """
        package app;

        import dev.resident.api.modules.ModulesService;
        import dev.resident.api.modules.ModulesServiceFactory;

        import java.util.concurrent.Future;

        class Modules {
          private final ModulesService modules = ModulesServiceFactory.getModulesService();

          Future<Void> scale() {
            String here = modules.getCurrentModule() + modules.getCurrentVersion() + modules.getCurrentInstanceId();
            for (String module : modules.getModules()) {
              for (String version : modules.getVersions(module)) {
                here += modules.getInstanceHostname(module, version, "0") + modules.getVersionHostname(module, version);
              }
            }
            String version = modules.getDefaultVersion("worker");
            modules.setNumInstances("worker", version, modules.getNumInstances("worker", version) + 1L);
            modules.stopVersion("worker", version);
            modules.startVersion("worker", version);
            modules.stopVersionAsync("batch", "v1");
            modules.startVersionAsync("batch", "v1");
            return modules.setNumInstancesAsync("worker", version, 2);
          }
        }
        """));
  }

  @Test
  void modulesExceptionIsResidents() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.modules.ModulesException;
        import com.google.appengine.api.modules.ModulesServiceFactory;

        class Scale {
          boolean tryStop(String module) {
            try {
              ModulesServiceFactory.getModulesService().stopVersion(module, "v1");
              return true;
            } catch (ModulesException e) {
              throw new ModulesException("cannot stop " + module, e);
            }
          }
        }
        """,
        """
        package app;

        import dev.resident.api.modules.ModulesException;
        import dev.resident.api.modules.ModulesServiceFactory;

        class Scale {
          boolean tryStop(String module) {
            try {
              ModulesServiceFactory.getModulesService().stopVersion(module, "v1");
              return true;
            } catch (ModulesException e) {
              throw new ModulesException("cannot stop " + module, e);
            }
          }
        }
        """));
  }

  @Test
  void deadlineExceededExceptionIsResidents() {
    rewriteRun(java(
        """
        package app;

        import com.google.apphosting.api.DeadlineExceededException;

        class Work {
          String run(Runnable step) {
            try {
              step.run();
              return "done";
            } catch (DeadlineExceededException e) {
              return "late";
            }
          }
        }
        """,
        """
        package app;

        import dev.resident.api.DeadlineExceededException;

        class Work {
          String run(Runnable step) {
            try {
              step.run();
              return "done";
            } catch (DeadlineExceededException e) {
              return "late";
            }
          }
        }
        """));
  }

  @Test
  void apiProxyEnvironmentBecomesEnvironmentCurrent() {
    rewriteRun(java(
        """
        package app;

        import com.google.apphosting.api.ApiProxy;

        class Where {
          String describe() {
            ApiProxy.Environment env = ApiProxy.getCurrentEnvironment();
            long left = ApiProxy.getCurrentEnvironment().getRemainingMillis();
            return env.getAppId() + "/" + env.getModuleId() + "/" + env.getVersionId() + " " + left;
          }
        }
        """,
        """
        package app;

        import dev.resident.api.Environment;

        class Where {
          String describe() {
            Environment env = Environment.current();
            long left = Environment.current().getRemainingMillis();
            return env.getAppId() + "/" + env.getModuleId() + "/" + env.getVersionId() + " " + left;
          }
        }
        """));
  }

  @Test
  void environmentAttributesResidentAnswersBecomeGetters() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.backends.BackendService;
        import com.google.apphosting.api.ApiProxy;

        class Ids {
          String ids() {
            ApiProxy.Environment env = ApiProxy.getCurrentEnvironment();
            String instance = (String) env.getAttributes().get("com.google.appengine.instance.id");
            Object backend = env.getAttributes().get(BackendService.BACKEND_ID_ENV_ATTRIBUTE);
            String request = (String) ApiProxy.getCurrentEnvironment().getAttributes()
                .get("com.google.appengine.runtime.request_log_id");
            return instance + backend + request + env.getAttributes().get(BackendService.INSTANCE_ID_ENV_ATTRIBUTE);
          }
        }
        """,
        """
        package app;

        import dev.resident.api.Environment;

        class Ids {
          String ids() {
            Environment env = Environment.current();
            String instance = env.getInstanceId();
            Object backend = env.getModuleId();
            String request = Environment.current().getRequestId();
            return instance + backend + request + env.getInstanceId();
          }
        }
        """));
  }

  @Test
  void environmentAttributesResidentDoesNotAnswerAreLeftForTheCompilerToName() {
    rewriteRun(java(
        """
        package app;

        import com.google.apphosting.api.ApiProxy;

        class Host {
          Object host() {
            return ApiProxy.getCurrentEnvironment().getAttributes()
                .get("com.google.appengine.runtime.default_version_hostname");
          }
        }
        """,
        """
        package app;

        import dev.resident.api.Environment;

        class Host {
          Object host() {
            return Environment.current().getAttributes()
                .get("com.google.appengine.runtime.default_version_hostname");
          }
        }
        """));
  }

  @Test
  void codeAlreadyOnResidentIsLeftAlone() {
    rewriteRun(java(
        """
        package app;

        import dev.resident.api.Environment;
        import dev.resident.api.RuntimeStats;
        import dev.resident.api.modules.ModulesServiceFactory;

        class Already {
          String report() {
            return Environment.current().getInstanceId() + RuntimeStats.current().getRequestsTotal()
                + ModulesServiceFactory.getModulesService().getCurrentModule();
          }
        }
        """));
  }

  @Test
  void javaxServletBecomesJakartaServlet() {
    rewriteRun(java(
        """
        package app;

        import java.io.IOException;
        import javax.servlet.ServletException;
        import javax.servlet.annotation.WebServlet;
        import javax.servlet.http.HttpServlet;
        import javax.servlet.http.HttpServletRequest;
        import javax.servlet.http.HttpServletResponse;

        @WebServlet("/hello")
        public class HelloServlet extends HttpServlet {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            resp.setContentType("text/plain");
            resp.getWriter().println("hello " + req.getParameter("name"));
          }
        }
        """,
        """
        package app;

        import java.io.IOException;
        import jakarta.servlet.ServletException;
        import jakarta.servlet.annotation.WebServlet;
        import jakarta.servlet.http.HttpServlet;
        import jakarta.servlet.http.HttpServletRequest;
        import jakarta.servlet.http.HttpServletResponse;

        @WebServlet("/hello")
        public class HelloServlet extends HttpServlet {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            resp.setContentType("text/plain");
            resp.getWriter().println("hello " + req.getParameter("name"));
          }
        }
        """));
  }

  @Test
  void oneServletUsingEveryMappedType() {
    rewriteRun(java(
        """
        package app;

        import com.google.appengine.api.LifecycleManager;
        import com.google.appengine.api.ThreadManager;
        import com.google.appengine.api.backends.BackendService;
        import com.google.appengine.api.backends.BackendServiceFactory;
        import com.google.appengine.api.modules.ModulesException;
        import com.google.appengine.api.modules.ModulesService;
        import com.google.appengine.api.modules.ModulesServiceFactory;
        import com.google.apphosting.api.ApiProxy;
        import com.google.apphosting.api.DeadlineExceededException;
        import java.io.IOException;
        import javax.servlet.http.HttpServlet;
        import javax.servlet.http.HttpServletRequest;
        import javax.servlet.http.HttpServletResponse;

        public class EverythingServlet extends HttpServlet {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            LifecycleManager.ShutdownHook hook = () -> LifecycleManager.getInstance().interruptAllRequests();
            LifecycleManager.getInstance().setShutdownHook(hook);
            ThreadManager.createThreadForCurrentRequest(() -> {}).start();
            BackendService backends = BackendServiceFactory.getBackendService();
            ModulesService modules = ModulesServiceFactory.getModulesService();
            ApiProxy.Environment env = ApiProxy.getCurrentEnvironment();
            try {
              resp.getWriter().println(env.getAppId() + env.getAttributes().get("com.google.appengine.instance.id")
                  + backends.getCurrentInstance() + modules.getCurrentInstanceId());
            } catch (ModulesException | DeadlineExceededException e) {
              resp.setStatus(503);
            }
          }
        }
        """,
        """
        package app;

        import dev.resident.api.DeadlineExceededException;
        import dev.resident.api.Environment;
        import dev.resident.api.LifecycleManager;
        import dev.resident.api.ThreadManager;
        import dev.resident.api.modules.ModulesException;
        import dev.resident.api.modules.ModulesService;
        import dev.resident.api.modules.ModulesServiceFactory;

        import java.io.IOException;
        import jakarta.servlet.http.HttpServlet;
        import jakarta.servlet.http.HttpServletRequest;
        import jakarta.servlet.http.HttpServletResponse;

        public class EverythingServlet extends HttpServlet {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            LifecycleManager.ShutdownHook hook = () -> LifecycleManager.getInstance().interruptAllRequests();
            LifecycleManager.getInstance().setShutdownHook(hook);
            ThreadManager.createThreadForCurrentRequest(() -> {}).start();
            ModulesService backends = ModulesServiceFactory.getModulesService();
            ModulesService modules = ModulesServiceFactory.getModulesService();
            Environment env = Environment.current();
            try {
              resp.getWriter().println(env.getAppId() + env.getInstanceId()
                  + Integer.parseInt(backends.getCurrentInstanceId()) + modules.getCurrentInstanceId());
            } catch (ModulesException | DeadlineExceededException e) {
              resp.setStatus(503);
            }
          }
        }
        """));
  }

  @Test
  void appEngineDescriptorsStayAndWebXmlMovesToJakartaEe() {
    rewriteRun(
        xml(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <appengine-web-app xmlns="http://appengine.google.com/ns/1.0">
              <runtime>java8</runtime>
              <module>worker</module>
              <manual-scaling>
                <instances>2</instances>
              </manual-scaling>
            </appengine-web-app>
            """,
            spec -> spec.path("src/main/webapp/WEB-INF/appengine-web.xml")),
        xml(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="3.1">
              <servlet>
                <servlet-name>start</servlet-name>
                <servlet-class>app.StartServlet</servlet-class>
              </servlet>
            </web-app>
            """,
            """
            <?xml version="1.0" encoding="utf-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>start</servlet-name>
                <servlet-class>app.StartServlet</servlet-class>
              </servlet>
            </web-app>
            """,
            spec -> spec.path("src/main/webapp/WEB-INF/web.xml")));
  }
}
