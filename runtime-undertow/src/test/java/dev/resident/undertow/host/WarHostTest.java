package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;
import java.lang.ref.WeakReference;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class WarHostTest {

  /** Where WAR classes leave weak references to their loaders; a host class, so the WARs share it. */
  public static final Map<String, WeakReference<ClassLoader>> LOADERS = new ConcurrentHashMap<>();

  private static final String HELLO = """
      package app;

      import jakarta.servlet.http.*;
      import java.io.IOException;

      public class Hello extends HttpServlet {
        static int calls;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          calls++;
          ClassLoader own = Hello.class.getClassLoader();
          dev.resident.undertow.host.WarHostTest.LOADERS.put(
              dev.resident.api.modules.ModulesServiceFactory.getModulesService().getCurrentInstanceId(),
              new java.lang.ref.WeakReference<>(own));
          resp.getWriter().print(getInitParameter("greeting") + " " + getServletContext().getInitParameter("site")
              + " calls=" + calls + " tccl=" + (Thread.currentThread().getContextClassLoader() == own)
              + " started=" + getServletContext().getAttribute("started")
              + " filtered=" + req.getAttribute("filtered"));
        }
      }
      """;
  private static final String FILTER = """
      package app;

      import jakarta.servlet.*;
      import java.io.IOException;

      public class Mark implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
          req.setAttribute("filtered", "yes");
          chain.doFilter(req, resp);
        }
      }
      """;
  private static final String LISTENER = """
      package app;

      import jakarta.servlet.*;

      public class Boot implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent e) {
          e.getServletContext().setAttribute("started",
              Thread.currentThread().getContextClassLoader() == Boot.class.getClassLoader());
          dev.resident.undertow.host.WarHostTest.LOADERS.put("boot-"
              + dev.resident.api.modules.ModulesServiceFactory.getModulesService().getCurrentInstanceId(),
              new java.lang.ref.WeakReference<>(Boot.class.getClassLoader()));
        }
      }
      """;
  private static final String WEB = """
        <context-param><param-name>site</param-name><param-value>resident</param-value></context-param>
        <servlet>
          <servlet-name>hello</servlet-name>
          <servlet-class>app.Hello</servlet-class>
          <init-param><param-name>greeting</param-name><param-value>hi</param-value></init-param>
          <load-on-startup>1</load-on-startup>
        </servlet>
        <servlet-mapping><servlet-name>hello</servlet-name><url-pattern>/hello</url-pattern></servlet-mapping>
        <filter><filter-name>mark</filter-name><filter-class>app.Mark</filter-class></filter>
        <filter-mapping><filter-name>mark</filter-name><servlet-name>hello</servlet-name></filter-mapping>
        <listener><listener-class>app.Boot</listener-class></listener>
        <error-page><error-code>404</error-code><location>/missing.html</location></error-page>
        <mime-mapping><extension>res</extension><mime-type>text/x-resident</mime-type></mime-mapping>
      """;

  private static Path war(Path dir, String appengineWeb) {
    WarDirs.appengineWeb(dir, appengineWeb);
    WarDirs.webXml(dir, WEB);
    WarDirs.compile(dir.resolve("WEB-INF/classes"), Map.of("app.Hello", HELLO, "app.Mark", FILTER, "app.Boot", LISTENER));
    WarDirs.write(dir, "index.html", "welcome");
    WarDirs.write(dir, "missing.html", "not here");
    WarDirs.write(dir, "data.res", "resident data");
    WarDirs.write(dir, "WEB-INF/secret.txt", "secret");
    return dir;
  }

  private static ResidentHost host(Path... inputs) {
    return TestHosts.builder(new VirtualClock()).config(inputs).build();
  }

  @Test
  @DisplayName("R-WAR-1 the seed 002 EAR runs unchanged: default/uno serves, my-module has five manual instances")
  void seedEar() throws URISyntaxException {
    Path ear = Path.of(WarHostTest.class.getResource("/war/my-application").toURI());
    try (ResidentHost host = host(ear)) {
      host.start();
      assertThat(host.config().applicationId()).isEqualTo("my-application");
      Await.until("five my-module instances serve", () -> host.instances().stream()
          .filter(i -> i.module().equals("my-module") && i.state().name().equals("SERVING")).count() == 5);
      assertThat(host.instances()).extracting(InstanceInfo::version).containsOnly("uno");
      assertThat(Http.get(host.port(), "/").statusCode()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("R-WAR-2 the seed's manual, basic and automatic appengine-web.xml samples run unchanged as WARs")
  void seedSamples(@TempDir Path dir) {
    String head = "<application>simple-app</application>\n<module>default</module>\n<version>uno</version>\n"
        + "<threadsafe>true</threadsafe>\n";
    Path manual = dir.resolve("manual");
    WarDirs.appengineWeb(manual, head + """
        <instance-class>B8</instance-class>
        <manual-scaling>
        <instances>5</instances>
        </manual-scaling>
        """);
    Path basic = dir.resolve("basic");
    WarDirs.appengineWeb(basic, head + """
        <instance-class>B8</instance-class>
        <basic-scaling>
        <max-instances>11</max-instances>
        <idle-timeout>10m</idle-timeout>
        </basic-scaling>
        """);
    Path automatic = dir.resolve("automatic");
    WarDirs.appengineWeb(automatic, head + """
        <instance-class>F2</instance-class>
        <automatic-scaling>
        <min-idle-instances>5</min-idle-instances>
        <!-- ‘automatic’ is the default value. -->
        <max-idle-instances>automatic</max-idle-instances>
        <!-- ‘automatic’ is the default value. -->
        <min-pending-latency>automatic</min-pending-latency>
        <max-pending-latency>30ms</max-pending-latency>
        <max-concurrent-requests>50</max-concurrent-requests>
        </automatic-scaling>
        """);
    try (ResidentHost host = host(manual)) {
      host.start();
      Await.until("five manual instances serve", () -> host.instances().stream()
          .filter(i -> i.state().name().equals("SERVING")).count() == 5);
    }
    try (ResidentHost host = host(basic)) {
      host.start();
      assertThat(host.instances()).noneMatch(i -> i.state().name().equals("SERVING"));
      assertThat(Http.get(host.port(), "/").statusCode()).isEqualTo(404);
      assertThat(host.instances()).anyMatch(i -> i.state().name().equals("SERVING"));
    }
    try (ResidentHost host = host(automatic)) {
      host.start();
      Await.until("five idle automatic instances", () -> host.instances().stream()
          .filter(i -> i.state().name().equals("SERVING")).count() >= 5);
    }
  }

  @Test
  @DisplayName("R-WAR-3, R-WAR-5 web.xml servlets, init and context params, filters by servlet name, listeners, error pages, MIME types, welcome files, all on the WAR's loader")
  void webXml(@TempDir Path dir) {
    Path app = war(dir.resolve("app"), "<version>v1</version>\n");
    try (ResidentHost host = host(app)) {
      host.start();
      assertThat(Http.get(host.port(), "/hello").body())
          .isEqualTo("hi resident calls=1 tccl=true started=true filtered=yes");
      assertThat(Http.get(host.port(), "/").body()).isEqualTo("welcome");
      HttpResponse<String> data = Http.get(host.port(), "/data.res");
      assertThat(data.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x-resident"));
      HttpResponse<String> missing = Http.get(host.port(), "/nothing");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).isEqualTo("not here");
      assertThat(Http.get(host.port(), "/WEB-INF/secret.txt").body()).doesNotContain("secret");
      assertThat(Http.get(host.port(), "/WEB-INF/web.xml").body()).doesNotContain("servlet");
    }
  }

  @Test
  @DisplayName("R-SEC-1, R-WAR-3 a web.xml constraint for role admin is enforced before the WAR: unsigned callers never reach it, signed ones do")
  void adminConstraintEnforced(@TempDir Path dir) {
    Path app = dir.resolve("app");
    WarDirs.appengineWeb(app, "<version>v1</version>\n");
    WarDirs.webXml(app, """
          <security-constraint>
            <web-resource-collection><url-pattern>/admin/*</url-pattern></web-resource-collection>
            <auth-constraint><role-name>admin</role-name></auth-constraint>
          </security-constraint>
        """);
    WarDirs.write(app, "admin/report.txt", "the admin report");
    WarDirs.write(app, "open.txt", "open to all");
    try (ResidentHost host = host(app)) {
      host.start();
      HttpResponse<String> refused = Http.get(host.port(), "/admin/report.txt");
      assertThat(refused.statusCode()).isIn(401, 403);
      assertThat(refused.body()).doesNotContain("the admin report");
      assertThat(Http.get(host.port(), "/open.txt").body()).isEqualTo("open to all");
      java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + host.port() + "/admin/report.txt");
      HttpResponse<String> signed = Http.get(host.port(), "/admin/report.txt",
          dev.resident.api.InternalRequests.HEADER_NAME, host.signInternalRequest("GET", uri));
      assertThat(signed.statusCode()).isEqualTo(200);
      assertThat(signed.body()).isEqualTo("the admin report");
    }
  }

  @Test
  @DisplayName("R-WAR-3 filter dispatchers (FORWARD only), error pages by exception type, async-supported, session timeout")
  void dispatchersAndErrorPages(@TempDir Path dir) {
    Path app = dir.resolve("app");
    WarDirs.appengineWeb(app, "<version>v1</version>\n");
    WarDirs.webXml(app, """
          <servlet><servlet-name>go</servlet-name><servlet-class>app.Go</servlet-class></servlet>
          <servlet-mapping><servlet-name>go</servlet-name><url-pattern>/go</url-pattern></servlet-mapping>
          <servlet><servlet-name>target</servlet-name><servlet-class>app.Target</servlet-class>
            <async-supported>true</async-supported></servlet>
          <servlet-mapping><servlet-name>target</servlet-name><url-pattern>/target</url-pattern></servlet-mapping>
          <servlet><servlet-name>boom</servlet-name><servlet-class>app.Boom</servlet-class></servlet>
          <servlet-mapping><servlet-name>boom</servlet-name><url-pattern>/boom</url-pattern></servlet-mapping>
          <filter><filter-name>forwarded</filter-name><filter-class>app.Forwarded</filter-class></filter>
          <filter-mapping><filter-name>forwarded</filter-name><url-pattern>/target</url-pattern>
            <dispatcher>FORWARD</dispatcher></filter-mapping>
          <error-page><exception-type>java.lang.IllegalStateException</exception-type><location>/oops.html</location></error-page>
          <session-config><session-timeout>7</session-timeout></session-config>
        """);
    WarDirs.compile(app.resolve("WEB-INF/classes"), Map.of(
        "app.Go", """
            package app;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            public class Go extends HttpServlet {
              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
                req.getRequestDispatcher("/target").forward(req, resp);
              }
            }
            """,
        "app.Target", """
            package app;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            public class Target extends HttpServlet {
              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.getWriter().print("forwarded=" + req.getAttribute("forwarded") + " async=" + req.isAsyncSupported()
                    + " timeout=" + req.getSession().getMaxInactiveInterval());
              }
            }
            """,
        "app.Boom", """
            package app;
            import jakarta.servlet.http.*;
            public class Boom extends HttpServlet {
              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                throw new IllegalStateException("boom");
              }
            }
            """,
        "app.Forwarded", """
            package app;
            import jakarta.servlet.*;
            import java.io.IOException;
            public class Forwarded implements Filter {
              @Override
              public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                  throws IOException, ServletException {
                req.setAttribute("forwarded", "yes");
                chain.doFilter(req, resp);
              }
            }
            """));
    WarDirs.write(app, "oops.html", "it broke");
    try (ResidentHost host = host(app)) {
      host.start();
      assertThat(Http.get(host.port(), "/target").body()).isEqualTo("forwarded=null async=true timeout=420");
      assertThat(Http.get(host.port(), "/go").body()).startsWith("forwarded=yes ");
      HttpResponse<String> boom = Http.get(host.port(), "/boom");
      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(boom.body()).isEqualTo("it broke");
    }
  }

  @Test
  @DisplayName("R-WAR-2 static-files include/exclude with ** globs, expiration as Cache-Control, http-header, public-root")
  void staticFiles(@TempDir Path dir) {
    Path app = war(dir.resolve("app"), """
        <version>v1</version>
        <public-root>/pub</public-root>
        <static-files>
          <include path="/**.txt" expiration="1d 2h">
            <http-header name="X-Kind" value="text"/>
          </include>
          <include path="/img/*.png"/>
          <exclude path="/private/**"/>
        </static-files>
        """);
    WarDirs.write(app, "pub/a.txt", "a");
    WarDirs.write(app, "pub/deep/er/b.txt", "b");
    WarDirs.write(app, "pub/img/c.png", "c");
    WarDirs.write(app, "pub/img/sub/d.png", "d");
    WarDirs.write(app, "pub/private/e.txt", "e");
    WarDirs.write(app, "pub/f.html", "f");
    try (ResidentHost host = host(app)) {
      host.start();
      HttpResponse<String> a = Http.get(host.port(), "/a.txt");
      assertThat(a.body()).isEqualTo("a");
      assertThat(a.headers().firstValue("Cache-Control")).contains("public, max-age=93600");
      assertThat(a.headers().firstValue("X-Kind")).contains("text");
      assertThat(Http.get(host.port(), "/deep/er/b.txt").body()).isEqualTo("b");
      HttpResponse<String> c = Http.get(host.port(), "/img/c.png");
      assertThat(c.body()).isEqualTo("c");
      assertThat(c.headers().firstValue("Cache-Control")).contains("public, max-age=600");
      assertThat(Http.get(host.port(), "/img/sub/d.png").statusCode()).isEqualTo(404);
      assertThat(Http.get(host.port(), "/private/e.txt").statusCode()).isEqualTo(404);
      assertThat(Http.get(host.port(), "/f.html").statusCode()).isEqualTo(404);
      assertThat(Http.get(host.port(), "/index.html").statusCode()).isEqualTo(404);
      assertThat(Http.get(host.port(), "/hello").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("R-WAR-5 class_loading version: instances share one loader, and a stopped version leaves it unreachable")
  void versionLoaderCollected(@TempDir Path dir) {
    LOADERS.clear();
    Path app = war(dir.resolve("app"), """
        <version>v1</version>
        <manual-scaling><instances>2</instances></manual-scaling>
        """);
    try (ResidentHost host = host(app)) {
      host.start();
      Http.get(host.instancePort("default", "v1", "0"), "/hello");
      String second = Http.get(host.instancePort("default", "v1", "1"), "/hello").body();
      assertThat(second).contains("calls=2");
      assertThat(LOADERS.get("0").get()).isSameAs(LOADERS.get("1").get());
      host.modulesService().stopVersion("default", "v1");
      Await.until("the version stopped", () -> host.instances().stream()
          .allMatch(i -> i.state().name().equals("STOPPED")));
      assertCollected(LOADERS.get("0"));
    }
  }

  @Test
  @DisplayName("R-WAR-5 class_loading instance: each instance has its own loader and static state; each is collected once stopped")
  void instanceLoadersCollected(@TempDir Path dir) {
    LOADERS.clear();
    Path app = war(dir.resolve("app"), """
        <version>v1</version>
        <manual-scaling><instances>2</instances></manual-scaling>
        <resident><class-loading>instance</class-loading></resident>
        """);
    try (ResidentHost host = host(app)) {
      host.start();
      assertThat(Http.get(host.instancePort("default", "v1", "0"), "/hello").body()).contains("calls=1");
      assertThat(Http.get(host.instancePort("default", "v1", "1"), "/hello").body()).contains("calls=1");
      assertThat(LOADERS.get("0").get()).isNotSameAs(LOADERS.get("1").get());
      host.stop();
      assertCollected(LOADERS.get("0"));
      assertCollected(LOADERS.get("1"));
    }
  }

  @Test
  @DisplayName("R-WAR-5 a WAR compiled against javax.servlet fails with a message naming the recipe: classes at check time, jars at start")
  void javaxWar(@TempDir Path dir) throws java.io.IOException {
    Path stubs = dir.resolve("stubs");
    WarDirs.compile(stubs, Map.of("javax.servlet.http.HttpServlet",
        "package javax.servlet.http; public abstract class HttpServlet {}"));
    Path app = dir.resolve("app");
    WarDirs.appengineWeb(app, "<version>v1</version>\n");
    WarDirs.webXml(app, """
          <servlet><servlet-name>old</servlet-name><servlet-class>app.Old</servlet-class></servlet>
        """);
    Path classes = app.resolve("WEB-INF/classes");
    WarDirs.compile(classes, Map.of("app.Old", "package app; public class Old extends javax.servlet.http.HttpServlet {}"),
        stubs);
    assertThatThrownBy(() -> host(app)).hasMessageContaining("compiled against javax.servlet (app.Old)")
        .hasMessageContaining("dev.resident.MigrateFromAppEngine");
    Path jar = app.resolve("WEB-INF/lib/old.jar");
    java.nio.file.Files.createDirectories(jar.getParent());
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("app/Old.class"));
      out.write(java.nio.file.Files.readAllBytes(classes.resolve("app/Old.class")));
    }
    java.nio.file.Files.delete(classes.resolve("app/Old.class"));
    ResidentHost host = host(app);
    assertThatThrownBy(host::start)
        .hasMessageContaining("web.xml servlet old: class app.Old is compiled against javax.servlet")
        .hasMessageContaining("dev.resident.MigrateFromAppEngine");
    host.close();
  }

  @Test
  @DisplayName("R-WAR-3 @WebServlet, @WebFilter and @WebListener classes in WEB-INF/classes are deployed, unless metadata-complete")
  void annotations(@TempDir Path dir) {
    Path app = dir.resolve("app");
    WarDirs.appengineWeb(app, "<version>v1</version>\n");
    WarDirs.compile(app.resolve("WEB-INF/classes"), Map.of(
        "app.Annotated", """
            package app;
            import jakarta.servlet.annotation.*;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            @WebServlet(name = "annotated", urlPatterns = {"/a", "/b/*"}, loadOnStartup = 1,
                initParams = @WebInitParam(name = "p", value = "v"))
            public class Annotated extends HttpServlet {
              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.getWriter().print(getInitParameter("p") + " " + req.getAttribute("seen") + " "
                    + getServletContext().getAttribute("listened"));
              }
            }
            """,
        "app.Seen", """
            package app;
            import jakarta.servlet.*;
            import jakarta.servlet.annotation.*;
            import java.io.IOException;
            @WebFilter(urlPatterns = "/a", dispatcherTypes = DispatcherType.REQUEST)
            public class Seen implements Filter {
              @Override
              public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                  throws IOException, ServletException {
                req.setAttribute("seen", "filtered");
                chain.doFilter(req, resp);
              }
            }
            """,
        "app.Hear", """
            package app;
            import jakarta.servlet.*;
            import jakarta.servlet.annotation.*;
            @WebListener
            public class Hear implements ServletContextListener {
              @Override
              public void contextInitialized(ServletContextEvent e) {
                e.getServletContext().setAttribute("listened", "yes");
              }
            }
            """));
    try (ResidentHost host = host(app)) {
      host.start();
      assertThat(Http.get(host.port(), "/a").body()).isEqualTo("v filtered yes");
      assertThat(Http.get(host.port(), "/b/c").body()).isEqualTo("v null yes");
    }
    WarDirs.write(app, "WEB-INF/web.xml",
        "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" metadata-complete=\"true\"/>");
    try (ResidentHost host = host(app)) {
      host.start();
      assertThat(Http.get(host.port(), "/a").statusCode()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("R-WAR-5 a background thread made by ThreadManager runs with the WAR's loader as context class loader")
  void backgroundThreadLoader(@TempDir Path dir) {
    Path app = dir.resolve("app");
    WarDirs.appengineWeb(app, "<version>v1</version>\n<manual-scaling><instances>1</instances></manual-scaling>\n");
    WarDirs.webXml(app, """
          <servlet><servlet-name>bg</servlet-name><servlet-class>app.Bg</servlet-class></servlet>
          <servlet-mapping><servlet-name>bg</servlet-name><url-pattern>/bg</url-pattern></servlet-mapping>
        """);
    WarDirs.compile(app.resolve("WEB-INF/classes"), Map.of("app.Bg", """
        package app;
        import jakarta.servlet.http.*;
        import java.io.IOException;
        public class Bg extends HttpServlet {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            boolean[] seen = new boolean[1];
            Thread t = dev.resident.api.ThreadManager.createBackgroundThread(() ->
                seen[0] = Thread.currentThread().getContextClassLoader() == Bg.class.getClassLoader());
            t.start();
            try {
              t.join(10_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            resp.getWriter().print("background tccl=" + seen[0]);
          }
        }
        """));
    try (ResidentHost host = host(app)) {
      host.start();
      assertThat(Http.get(host.instancePort("default", "v1", "0"), "/bg").body()).isEqualTo("background tccl=true");
    }
  }

  private static void assertCollected(WeakReference<ClassLoader> ref) {
    List<byte[]> pressure = new java.util.ArrayList<>();
    Await.until("the class loader is collected", Duration.ofSeconds(20), () -> {
      System.gc();
      pressure.add(new byte[1 << 16]);
      if (pressure.size() > 64) {
        pressure.clear();
      }
      return ref.get() == null;
    });
  }
}
