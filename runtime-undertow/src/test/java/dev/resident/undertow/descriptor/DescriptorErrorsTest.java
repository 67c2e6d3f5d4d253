package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorErrorsTest {

  @Test
  @DisplayName("R-WAR-2, R-CFG-5 every problem of every descriptor at once, file:line:col, XML names, suggestions")
  void everyProblemAtOnce(@TempDir Path dir) {
    Path main = Wars.war(dir.resolve("default"), """
        <version>v1</version>
        <manual-scaling>
          <instnaces>5</instnaces>
        </manual-scaling>
        <instance-class>F9</instance-class>
        """);
    Path worker = Wars.war(dir.resolve("worker"), """
        <module>worker</module>
        <version>v1</version>
        <basic-scaling><max-instances>five</max-instances></basic-scaling>
        <thredsafe>true</thredsafe>
        """);
    Wars.webXml(worker, """
          <servlett><servlet-name>a</servlet-name></servlett>
          <servlet><servlet-name>b</servlet-name><jsp-file>/index.jsp</jsp-file></servlet>
        """);
    String a = main.resolve("WEB-INF/appengine-web.xml").toString();
    String w = worker.resolve("WEB-INF/appengine-web.xml").toString();
    String web = worker.resolve("WEB-INF/web.xml").toString();
    assertThat(Wars.problems(main, worker)).containsExactly(
        a + ":4:1: manual-scaling.instances must be an integer from 1 to 200, found nothing",
        a + ":5:3: unknown element manual-scaling.instnaces; did you mean instances?",
        a + ":7:17: instance-class must be one of B1, B2, B4, B4_1G, B8 for manual scaling, found \"F9\"",
        w + ":5:31: basic-scaling.max-instances must be an integer from 1 to 200, found \"five\"",
        w + ":6:1: unknown element thredsafe; did you mean threadsafe?",
        web + ":2:3: unknown element servlett; did you mean servlet?",
        web + ":3:42: servlet.jsp-file \"/index.jsp\" is JSP, which Resident does not run; serve the page"
            + " from a servlet or as a static file");
  }

  @Test
  @DisplayName("R-WAR-2 a scaling element given text, two scaling elements, a duplicate element, module and service both")
  void shapes(@TempDir Path dir) {
    Path war = Wars.war(dir, """
        <version>v1</version>
        <version>v2</version>
        <module>default</module>
        <service>default</service>
        <manual-scaling>5</manual-scaling>
        <basic-scaling><max-instances>2</max-instances></basic-scaling>
        """);
    String a = war.resolve("WEB-INF/appengine-web.xml") + ":";
    assertThat(Wars.problems(war)).containsExactly(
        a + "4:1: duplicate element version; the first is at 3:1",
        a + "6:10: service must be absent when module is given (service is another name for module), found"
            + " \"default\"",
        a + "7:17: manual-scaling must be an element holding instances, found \"5\"",
        a + "8:1: basic-scaling must be absent when manual-scaling is given (one scaling block at most), found both");
  }
}
