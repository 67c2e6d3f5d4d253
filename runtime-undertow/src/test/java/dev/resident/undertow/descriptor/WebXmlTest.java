package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.config.AccessRule;
import dev.resident.undertow.config.HandlerConfig;
import dev.resident.undertow.config.VersionConfig;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebXmlTest {

  private static WebApp web(Path war) {
    AppLayout layout = AppLayout.read(List.of(war));
    layout.load(List.of(), List.of());
    return layout.wars().get(0).web();
  }

  private static Path war(Path dir, String webXmlBody) {
    Wars.war(dir, "<version>v1</version>\n");
    Wars.webXml(dir, webXmlBody);
    return dir;
  }

  @Test
  @DisplayName("R-WAR-3 every web.xml element Resident deploys is read")
  void everyElement(@TempDir Path dir) {
    WebApp web = web(war(dir, """
        <display-name>demo</display-name>
        <context-param><param-name>a</param-name><param-value>1</param-value></context-param>
        <servlet>
          <servlet-name>hello</servlet-name>
          <servlet-class>app.Hello</servlet-class>
          <init-param><param-name>greeting</param-name><param-value>hi</param-value></init-param>
          <load-on-startup>2</load-on-startup>
          <async-supported>true</async-supported>
        </servlet>
        <servlet-mapping><servlet-name>hello</servlet-name><url-pattern>/hello</url-pattern><url-pattern>*.hi</url-pattern></servlet-mapping>
        <filter>
          <filter-name>mark</filter-name><filter-class>app.Mark</filter-class>
          <init-param><param-name>k</param-name><param-value>v</param-value></init-param>
          <async-supported>true</async-supported>
        </filter>
        <filter-mapping>
          <filter-name>mark</filter-name><url-pattern>/*</url-pattern><servlet-name>hello</servlet-name>
          <dispatcher>REQUEST</dispatcher><dispatcher>FORWARD</dispatcher>
        </filter-mapping>
        <listener><listener-class>app.Boot</listener-class></listener>
        <welcome-file-list><welcome-file>home.html</welcome-file><welcome-file>index.html</welcome-file></welcome-file-list>
        <error-page><error-code>404</error-code><location>/404.html</location></error-page>
        <error-page><exception-type>java.lang.IllegalStateException</exception-type><location>/oops</location></error-page>
        <error-page><location>/any</location></error-page>
        <mime-mapping><extension>res</extension><mime-type>text/x-resident</mime-type></mime-mapping>
        <session-config><session-timeout>15</session-timeout></session-config>
        <security-role><role-name>admin</role-name></security-role>
        """));
    assertThat(web.contextParams()).isEqualTo(Map.of("a", "1"));
    assertThat(web.servlets()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("hello");
      assertThat(s.className()).isEqualTo("app.Hello");
      assertThat(s.initParams()).isEqualTo(Map.of("greeting", "hi"));
      assertThat(s.loadOnStartup()).isEqualTo(2);
      assertThat(s.asyncSupported()).isTrue();
      assertThat(s.urlPatterns()).containsExactly("/hello", "*.hi");
    });
    assertThat(web.filters()).singleElement().satisfies(f -> {
      assertThat(f.initParams()).isEqualTo(Map.of("k", "v"));
      assertThat(f.asyncSupported()).isTrue();
    });
    assertThat(web.filterMappings()).containsExactly(new WebApp.FilterMapping("mark", List.of("/*"),
        List.of("hello"), Set.of(DispatcherType.REQUEST, DispatcherType.FORWARD)));
    assertThat(web.listeners()).containsExactly("app.Boot");
    assertThat(web.welcomeFiles()).containsExactly("home.html", "index.html");
    assertThat(web.errorPages()).containsExactly(new WebApp.ErrorPage(404, null, "/404.html"),
        new WebApp.ErrorPage(null, "java.lang.IllegalStateException", "/oops"), new WebApp.ErrorPage(null, null, "/any"));
    assertThat(web.mimeMappings()).isEqualTo(Map.of("res", "text/x-resident"));
    assertThat(web.sessionTimeoutMinutes()).isEqualTo(15);
    assertThat(web.metadataComplete()).isFalse();
  }

  @Test
  @DisplayName("R-WAR-3, R-SEC-1 security constraints become access rules: admin, *, CONFIDENTIAL, INTEGRAL, http-method")
  void securityConstraints(@TempDir Path dir) {
    Path war = war(dir, """
        <security-constraint>
          <web-resource-collection><web-resource-name>a</web-resource-name><url-pattern>/admin/*</url-pattern>
            <http-method>POST</http-method><http-method>delete</http-method></web-resource-collection>
          <auth-constraint><role-name>admin</role-name></auth-constraint>
        </security-constraint>
        <security-constraint>
          <web-resource-collection><url-pattern>/me/*</url-pattern><url-pattern>/profile</url-pattern></web-resource-collection>
          <auth-constraint><role-name>*</role-name></auth-constraint>
          <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>
        </security-constraint>
        <security-constraint>
          <web-resource-collection><url-pattern>/pay</url-pattern></web-resource-collection>
          <user-data-constraint><transport-guarantee>INTEGRAL</transport-guarantee></user-data-constraint>
        </security-constraint>
        <security-constraint>
          <web-resource-collection><url-pattern>/open</url-pattern></web-resource-collection>
          <user-data-constraint><transport-guarantee>NONE</transport-guarantee></user-data-constraint>
        </security-constraint>
        """);
    VersionConfig v = Wars.load(war).application().defaultModule().defaultVersion();
    assertThat(v.accessRules()).extracting(AccessRule::urlPattern, AccessRule::methods, AccessRule::login,
        AccessRule::secure).containsExactly(
            org.assertj.core.groups.Tuple.tuple("/admin/*", Set.of("POST", "DELETE"), HandlerConfig.Login.ADMIN,
                AccessRule.Secure.OPTIONAL),
            org.assertj.core.groups.Tuple.tuple("/me/*", Set.of(), HandlerConfig.Login.REQUIRED, AccessRule.Secure.ALWAYS),
            org.assertj.core.groups.Tuple.tuple("/profile", Set.of(), HandlerConfig.Login.REQUIRED,
                AccessRule.Secure.ALWAYS),
            org.assertj.core.groups.Tuple.tuple("/pay", Set.of(), HandlerConfig.Login.OPTIONAL, AccessRule.Secure.ALWAYS));
    assertThat(v.accessRules().get(0).origin().file()).endsWith("WEB-INF/web.xml");
    assertThat(v.accessRules().get(0).origin().line()).isEqualTo(3);
  }

  @Test
  @DisplayName("R-WAR-3, R-CFG-5 web.xml errors: missing and wrong values, unknown names, undeclared servlets and filters, JSP, roles")
  void errors(@TempDir Path dir) {
    Path war = war(dir, """
        <servlet><servlet-class>app.A</servlet-class></servlet>
        <servlet><servlet-name>b</servlet-name><servlet-class>9bad</servlet-class><load-on-startup>soon</load-on-startup></servlet>
        <servlet><servlet-name>jsp</servlet-name><servlet-class>org.apache.jasper.servlet.JspServlet</servlet-class></servlet>
        <servlet-mapping><servlet-name>nope</servlet-name><url-pattern>hello</url-pattern></servlet-mapping>
        <filter-mapping><filter-name>ghost</filter-name></filter-mapping>
        <filter><filter-name>f</filter-name><filter-clas>app.F</filter-clas></filter>
        <filter-mapping><filter-name>f</filter-name><url-pattern>/*</url-pattern><dispatcher>LATER</dispatcher></filter-mapping>
        <error-page><error-code>200</error-code><location>/x</location></error-page>
        <error-page><error-code>500</error-code><location>x</location></error-page>
        <session-config><session-timeout>long</session-timeout></session-config>
        <security-constraint><web-resource-collection><url-pattern>/a</url-pattern></web-resource-collection>
          <auth-constraint><role-name>manager</role-name></auth-constraint></security-constraint>
        <security-constraint><web-resource-collection><url-pattern>/b</url-pattern></web-resource-collection>
          <user-data-constraint><transport-guarantee>SECRET</transport-guarantee></user-data-constraint></security-constraint>
        <mime-mapping><extension>a</extension></mime-mapping>
        """);
    String w = war.resolve("WEB-INF/web.xml") + ":";
    assertThat(Wars.problems(war)).containsExactly(
        w + "2:1: servlet.servlet-name must be a servlet name, found nothing",
        w + "3:55: servlet.servlet-class must be a class name such as com.example.Worker, found \"9bad\"",
        w + "3:92: servlet.load-on-startup must be an integer, found \"soon\"",
        w + "4:57: servlet.servlet-class org.apache.jasper.servlet.JspServlet is JSP, which Resident does not run",
        w + "5:32: servlet-mapping.servlet-name must be a declared servlet (b, jsp), found \"nope\"",
        w + "5:64: servlet-mapping.url-pattern must be a URL pattern such as /, /tasks/* or *.json, found \"hello\"",
        w + "6:1: filter-mapping.url-pattern must be given, or a servlet-name (a filter mapping maps something),"
            + " found neither",
        w + "6:30: filter-mapping.filter-name must be a declared filter (f), found \"ghost\"",
        w + "7:1: filter.filter-class must be a class name such as com.example.Worker, found nothing",
        w + "7:37: unknown element filter.filter-clas; did you mean filter-class?",
        w + "8:86: filter-mapping.dispatcher must be one of REQUEST, FORWARD, INCLUDE, ERROR, ASYNC, found \"LATER\"",
        w + "9:25: error-page.error-code must be an HTTP status from 400 to 599, found \"200\"",
        w + "10:51: error-page.location must be a path starting with /, found \"x\"",
        w + "11:34: session-config.session-timeout must be an integer (minutes), found \"long\"",
        w + "13:31: security-constraint.auth-constraint.role-name must be admin or * (App Engine's roles),"
            + " found \"manager\"",
        w + "15:46: security-constraint.user-data-constraint.transport-guarantee must be one of NONE, INTEGRAL,"
            + " CONFIDENTIAL, found \"SECRET\"",
        w + "16:1: mime-mapping.mime-type must be a MIME type such as application/json, found nothing");
  }

  @Test
  @DisplayName("R-WAR-3 App Engine web.xml elements Resident does not use are warnings; metadata-complete is read")
  void ignoredElements(@TempDir Path dir) {
    Path war = dir;
    Wars.war(war, "<version>v1</version>\n");
    Wars.write(war, "WEB-INF/web.xml", """
        <web-app xmlns="http://java.sun.com/xml/ns/javaee" version="2.5" metadata-complete="true">
          <login-config><auth-method>BASIC</auth-method></login-config>
          <jsp-config/>
          <env-entry/>
        </web-app>
        """);
    String w = war.resolve("WEB-INF/web.xml") + ":";
    assertThat(Wars.warnings(war)).containsExactly(
        w + "2:3: warning: login-config is accepted for App Engine compatibility and ignored",
        w + "3:3: warning: jsp-config is accepted for App Engine compatibility and ignored",
        w + "4:3: warning: env-entry is accepted for App Engine compatibility and ignored");
    assertThat(web(war).metadataComplete()).isTrue();
  }
}
