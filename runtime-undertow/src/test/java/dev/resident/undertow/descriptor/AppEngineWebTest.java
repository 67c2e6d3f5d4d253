package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.DispatchRule;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppEngineWebTest {

  @Test
  @DisplayName("R-WAR-2 service alias, env-variables, the resident element with R-CFG-6 names, WAR-only settings")
  void elements(@TempDir Path dir) {
    Wars.war(dir, """
        <application>ignored-unless-alone</application>
        <service>default</service>
        <version>v2</version>
        <runtime>java17</runtime>
        <threadsafe>false</threadsafe>
        <env-variables><env-var name="COLOR" value="blue"/></env-variables>
        <system-properties><property name="resident.test.prop" value="on"/></system-properties>
        <inbound-services><service>warmup</service></inbound-services>
        <warmup-requests-enabled>true</warmup-requests-enabled>
        <ssl-enabled>true</ssl-enabled>
        <sessions-enabled>true</sessions-enabled>
        <public-root>/static</public-root>
        <basic-scaling><max-instances>3</max-instances></basic-scaling>
        <resident>
          <request-deadline>5s</request-deadline>
          <shutdown_grace>2s</shutdown_grace>
          <class-loading>instance</class-loading>
        </resident>
        """);
    AppLayout layout = AppLayout.read(List.of(dir));
    ApplicationConfig app = layout.load(List.of(), List.of()).application();
    VersionConfig v = app.defaultModule().defaultVersion();
    assertThat(app.applicationId()).isEqualTo("ignored-unless-alone");
    assertThat(v.version()).isEqualTo("v2");
    assertThat(v.threadsafe()).isFalse();
    assertThat(v.maxConcurrentRequests()).isEqualTo(1);
    assertThat(v.envVariables()).isEqualTo(Map.of("COLOR", "blue"));
    assertThat(v.scaling()).isEqualTo(new ScalingConfig.Basic(3, ScalingConfig.Basic.DEFAULT_IDLE_TIMEOUT));
    assertThat(v.settings().requestDeadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(v.settings().shutdownGrace()).isEqualTo(Duration.ofSeconds(2));
    War war = layout.war(v.source()).orElseThrow();
    assertThat(war.settings().classLoading()).isEqualTo(WarSettings.ClassLoading.INSTANCE);
    assertThat(war.settings().systemProperties()).isEqualTo(Map.of("resident.test.prop", "on"));
    assertThat(war.settings().sessionsEnabled()).isTrue();
    assertThat(war.settings().staticFiles().publicRoot()).isEqualTo("/static");
  }

  @Test
  @DisplayName("R-WAR-2, R-WAR-4 warnings: App Engine elements not used, inbound services other than warmup, cron.xml and the like")
  void warnings(@TempDir Path dir) {
    Wars.war(dir, """
        <version>v1</version>
        <precompilation-enabled>true</precompilation-enabled>
        <inbound-services><service>warmup</service><service>mail</service></inbound-services>
        """);
    Wars.write(dir, "WEB-INF/cron.xml", "<cronentries/>");
    Wars.write(dir, "WEB-INF/queue.xml", "<queue-entries/>");
    Wars.write(dir, "WEB-INF/datastore-indexes.xml", "<datastore-indexes/>");
    String a = dir.resolve("WEB-INF/appengine-web.xml").toString();
    String w = dir.resolve("WEB-INF") + "/";
    assertThat(Wars.warnings(dir)).containsExactly(
        a + ":4:1: warning: precompilation-enabled is accepted for App Engine compatibility and ignored",
        a + ":5:53: warning: inbound-services.service \"mail\" is accepted for App Engine compatibility and not"
            + " run (Resident runs warmup only)",
        w + "cron.xml: warning: cron.xml is accepted for App Engine compatibility and not run by Resident",
        w + "queue.xml: warning: queue.xml is accepted for App Engine compatibility and not run by Resident",
        w + "datastore-indexes.xml: warning: datastore-indexes.xml is accepted for App Engine compatibility and"
            + " not run by Resident");
  }

  @Test
  @DisplayName("R-WAR-2 errors of the WAR-only elements, with their places")
  void warOnlyErrors(@TempDir Path dir) {
    Wars.war(dir, """
        <version>v1</version>
        <public-root>static</public-root>
        <static-files>
          <include expiration="1d"/>
          <include path="**.css" expiration="soon"/>
          <exclude/>
          <includ path="x"/>
        </static-files>
        <system-properties><property value="x"/></system-properties>
        <env-variables><env-var name="A"/></env-variables>
        <ssl-enabled>maybe</ssl-enabled>
        <resident><class-loading>thread</class-loading></resident>
        """);
    String a = dir.resolve("WEB-INF/appengine-web.xml") + ":";
    assertThat(Wars.problems(dir)).containsExactly(
        a + "4:14: public-root must be a directory of the WAR such as /static, found \"static\"",
        a + "6:3: static-files.include@path must be a path pattern such as **.png or /images/*, found nothing",
        a + "7:3: static-files.include@expiration must be a duration such as 4d 5h, 30m or 10s, found \"soon\"",
        a + "8:3: static-files.exclude@path must be a path pattern such as **.png or /images/*, found nothing",
        a + "9:3: unknown element static-files.includ; did you mean include?",
        a + "11:20: system-properties.property must be an element with name and value attributes, found"
            + " <property> without name",
        a + "12:16: env-variables.env-var must be an element with name and value attributes, found <env-var>"
            + " without value",
        a + "13:14: ssl-enabled must be true or false, found \"maybe\"",
        a + "14:26: resident.class-loading must be one of version, instance, found \"thread\"");
  }

  @Test
  @DisplayName("R-WAR-4 backends.xml and dispatch.xml in the default module's WEB-INF; backends.yaml there too")
  void webInfFiles(@TempDir Path dir) {
    Path main = Wars.war(dir.resolve("default"), "<version>v1</version>\n");
    Wars.write(main, "WEB-INF/backends.xml", """
        <backends>
          <backend name="memdb">
            <class>B8</class>
            <instances>5</instances>
            <options><dynamic>true</dynamic><public>true</public></options>
          </backend>
        </backends>
        """);
    Wars.write(main, "WEB-INF/dispatch.xml", """
        <dispatch-entries>
          <dispatch><url>*/mobile/*</url><module>mobile</module></dispatch>
        </dispatch-entries>
        """);
    Path mobile = Wars.war(dir.resolve("mobile"), "<module>mobile</module>\n<version>v1</version>\n");
    Wars.write(mobile, "WEB-INF/backends.yaml", """
        backends:
        - name: crawler
          instances: 2
        """);
    AppLayout layout = AppLayout.read(List.of(main, mobile));
    ApplicationConfig app = layout.load(List.of(), List.of()).application();
    assertThat(app.modules()).extracting(m -> m.name()).containsExactly("default", "mobile", "memdb", "crawler");
    VersionConfig memdb = app.module("memdb").orElseThrow().defaultVersion();
    assertThat(memdb.scaling()).isEqualTo(new ScalingConfig.Basic(5, ScalingConfig.Basic.DEFAULT_IDLE_TIMEOUT));
    assertThat(memdb.publicAccess()).isTrue();
    assertThat(app.dispatch()).containsExactly(new DispatchRule("*/mobile/*", "mobile"));
    assertThat(layout.war(memdb.source()).orElseThrow().root()).isEqualTo(main);
    VersionConfig crawler = app.module("crawler").orElseThrow().defaultVersion();
    assertThat(crawler.scaling()).isEqualTo(new ScalingConfig.Manual(2));
  }

  @Test
  @DisplayName("R-WAR-4 backends.xml and dispatch.xml errors are worded with XML names")
  void webInfErrors(@TempDir Path dir) {
    Path main = Wars.war(dir, "<version>v1</version>\n");
    Wars.write(main, "WEB-INF/backends.xml", """
        <backends>
          <backend name="b"><instances>50</instances><options><fail-fast>yes</fail-fast></options></backend>
          <backnd name="c"/>
        </backends>
        """);
    Wars.write(main, "WEB-INF/dispatch.xml", """
        <dispatch-entries>
          <dispatch><url>nowhere</url><module>ghost</module></dispatch>
        </dispatch-entries>
        """);
    String b = main.resolve("WEB-INF/backends.xml") + ":";
    String d = main.resolve("WEB-INF/dispatch.xml") + ":";
    assertThat(Wars.problems(main)).containsExactly(
        b + "2:32: backends[0].instances must be an integer from 1 to 20, found \"50\"",
        b + "2:66: options.fail-fast must be true or false, found \"yes\"",
        b + "3:3: unknown element backends.backnd; did you mean backend?",
        d + "2:18: dispatch[0].url must be host/path with * wildcards at the start of the host or the end of"
            + " the path, such as */mobile/* or example.com/api/*, found \"nowhere\"");
  }

  @Test
  @DisplayName("R-SEC-1, R-WAR-3 a web.xml constraint for any signed-in user stops a host with no authenticator (fail closed)")
  void securityConstraintRefused(@TempDir Path dir) {
    Wars.war(dir, "<version>v1</version>\n");
    Wars.webXml(dir, """
        <security-constraint>
          <web-resource-collection><url-pattern>/account/*</url-pattern></web-resource-collection>
          <auth-constraint><role-name>*</role-name></auth-constraint>
        </security-constraint>
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ResidentHost.builder().port(0).stopOnJvmShutdown(false).config(dir).build());
    assertThat(e).isNotNull();
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.toString()).startsWith(dir.resolve("WEB-INF/web.xml") + ":3:3:");
      assertThat(p.message()).contains("/account/*").contains("login: required");
    });
  }
}
