package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.config.ApplicationConfig;
import dev.resident.undertow.config.InstanceClass;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLayoutsTest {

  @Test
  @DisplayName("R-WAR-1, R-CFG-7 the seed 002 EAR reads unchanged: application my-application, default/uno automatic, my-module/uno manual x5")
  void seedEar() {
    ApplicationConfig app = Wars.load(Wars.seedEar()).application();
    assertThat(app.applicationId()).isEqualTo("my-application");
    assertThat(app.modules()).extracting(m -> m.name()).containsExactly("default", "my-module");
    VersionConfig main = app.defaultModule().defaultVersion();
    assertThat(main.version()).isEqualTo("uno");
    assertThat(main.scaling()).isEqualTo(ScalingConfig.Automatic.DEFAULTS);
    assertThat(main.threadsafe()).isTrue();
    VersionConfig worker = app.module("my-module").orElseThrow().defaultVersion();
    assertThat(worker.scaling()).isEqualTo(new ScalingConfig.Manual(5));
    assertThat(worker.instanceClass()).isEqualTo(InstanceClass.B2);
    assertThat(worker.source()).endsWith("my-module/WEB-INF/appengine-web.xml");
  }

  @Test
  @DisplayName("R-WAR-2 the seed's manual-scaling sample: B8, 5 instances")
  void manualSample(@TempDir Path dir) {
    Wars.war(dir, """
        <application>simple-app</application>
        <module>default</module>
        <version>uno</version>
        <threadsafe>true</threadsafe>
        <instance-class>B8</instance-class>
        <manual-scaling>
        <instances>5</instances>
        </manual-scaling>
        """);
    ApplicationConfig app = Wars.load(dir).application();
    assertThat(app.applicationId()).isEqualTo("simple-app");
    VersionConfig v = app.defaultModule().defaultVersion();
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.B8);
    assertThat(v.scaling()).isEqualTo(new ScalingConfig.Manual(5));
  }

  @Test
  @DisplayName("R-WAR-2 the seed's basic-scaling sample: B8, 11 instances, idle-timeout 10m")
  void basicSample(@TempDir Path dir) {
    Wars.war(dir, """
        <application>simple-app</application>
        <module>default</module>
        <version>uno</version>
        <threadsafe>true</threadsafe>
        <instance-class>B8</instance-class>
        <basic-scaling>
        <max-instances>11</max-instances>
        <idle-timeout>10m</idle-timeout>
        </basic-scaling>
        """);
    VersionConfig v = Wars.load(dir).application().defaultModule().defaultVersion();
    assertThat(v.scaling()).isEqualTo(new ScalingConfig.Basic(11, Duration.ofMinutes(10)));
  }

  @Test
  @DisplayName("R-WAR-2 the seed's automatic-scaling sample, automatic values and the comments included")
  void automaticSample(@TempDir Path dir) {
    Wars.war(dir, """
        <application>simple-app</application>
        <module>default</module>
        <version>uno</version>
        <threadsafe>true</threadsafe>
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
    VersionConfig v = Wars.load(dir).application().defaultModule().defaultVersion();
    assertThat(v.instanceClass()).isEqualTo(InstanceClass.F2);
    assertThat(v.maxConcurrentRequests()).isEqualTo(50);
    assertThat(v.scaling()).isEqualTo(new ScalingConfig.Automatic(5, 1, Duration.ZERO, Duration.ofMillis(30), 20));
  }

  @Test
  @DisplayName("R-WAR-1 a WAR directory beside yaml files: one application, problems of both in one report")
  void warBesideYaml(@TempDir Path dir) {
    Path war = Wars.war(dir.resolve("default"), "<version>v1</version>\n");
    Path worker = Wars.write(dir, "worker.yaml", "module: worker\nversion: v1\nmanual_scaling:\n  instances: 2\n");
    ApplicationConfig app = Wars.load(war, worker).application();
    assertThat(app.modules()).extracting(m -> m.name()).containsExactly("default", "worker");
    Wars.write(dir, "worker.yaml", "module: worker\nversion: v1\nthredsafe: true\n");
    Wars.war(war, "<version>v1</version>\n<thredsafe>true</thredsafe>\n");
    assertThat(Wars.problems(war, worker)).containsExactly(
        war.resolve("WEB-INF/appengine-web.xml") + ":4:1: unknown element thredsafe; did you mean threadsafe?",
        worker + ":3:1: unknown key thredsafe; did you mean threadsafe?");
  }
}
