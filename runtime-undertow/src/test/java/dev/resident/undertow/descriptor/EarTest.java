package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarTest {

  private static void war(Path ear, String name, String module) {
    Wars.war(ear.resolve(name), "<application>war-says-other</application>\n<module>" + module
        + "</module>\n<version>v1</version>\n");
  }

  @Test
  @DisplayName("R-WAR-1 the EAR's appengine-application.xml names the application; each WAR's is ignored")
  void applicationId(@TempDir Path ear) {
    Wars.write(ear, "META-INF/appengine-application.xml",
        "<appengine-application " + Wars.NS + "><application>the-app</application></appengine-application>");
    Wars.write(ear, "META-INF/application.xml", """
        <application><module><web><web-uri>one</web-uri></web></module>
        <module><web><web-uri>two</web-uri><context-root>x</context-root></web></module></application>
        """);
    war(ear, "one", "default");
    war(ear, "two", "second");
    assertThat(Wars.load(ear).application().applicationId()).isEqualTo("the-app");
    assertThat(Wars.warnings(ear)).isEmpty();
  }

  @Test
  @DisplayName("R-WAR-1 EAR errors: no appengine-application.xml, a missing WAR, a non-web module, a misspelt element")
  void errors(@TempDir Path ear) {
    Wars.write(ear, "META-INF/application.xml", """
        <application>
          <module><web><web-uri>gone</web-uri></web></module>
          <module><ejb>beans.jar</ejb></module>
          <modul/>
          <module><web><web-uri>ok</web-uri></web></module>
        </application>
        """);
    war(ear, "ok", "default");
    String app = ear.resolve("META-INF/application.xml") + ":";
    assertThat(Wars.problems(ear)).containsExactly(
        ear.resolve("META-INF/appengine-application.xml")
            + ": the EAR has no META-INF/appengine-application.xml, which names the application",
        app + "2:25: module.web.web-uri must be an exploded WAR directory inside the EAR, found \"gone\"",
        app + "3:11: module.ejb is not supported: App Engine modules are web modules (module/web/web-uri)",
        app + "4:3: unknown element modul; did you mean module?");
  }

  @Test
  @DisplayName("R-WAR-1 a directory that is neither a WAR nor an EAR, and a WAR without appengine-web.xml")
  void notALayout(@TempDir Path dir) {
    Path plain = dir.resolve("plain");
    Wars.write(plain, "readme.txt", "x");
    Path war = dir.resolve("war");
    Wars.write(war, "WEB-INF/web.xml", "<web-app/>");
    assertThat(Wars.problems(plain, war)).containsExactly(
        plain + ": the directory is neither an exploded EAR (META-INF/application.xml) nor an exploded WAR"
            + " (WEB-INF/appengine-web.xml)",
        war.resolve("WEB-INF/appengine-web.xml") + ": the WAR " + war + " has no WEB-INF/appengine-web.xml");
  }

  @Test
  @DisplayName("R-WAR-2 descriptors in another namespace are read with a warning")
  void namespaces(@TempDir Path ear) {
    Wars.write(ear, "META-INF/appengine-application.xml",
        "<appengine-application xmlns=\"urn:other\"><application>the-app</application></appengine-application>");
    Wars.write(ear, "META-INF/application.xml",
        "<application xmlns=\"urn:other\"><module><web><web-uri>one</web-uri></web></module></application>");
    Wars.write(ear, "one/WEB-INF/appengine-web.xml",
        "<appengine-web-app xmlns=\"urn:other\"><version>v1</version></appengine-web-app>");
    assertThat(Wars.warnings(ear)).containsExactly(
        ear.resolve("META-INF/appengine-application.xml") + ":1:1: warning: appengine-application has the"
            + " namespace urn:other, not App Engine's http://appengine.google.com/ns/1.0; it is read as App Engine's",
        ear.resolve("META-INF/application.xml") + ":1:1: warning: application has the namespace urn:other, not"
            + " one of Java EE's or Jakarta EE's; it is read as one of them",
        ear.resolve("one/WEB-INF/appengine-web.xml") + ":1:1: warning: appengine-web-app has the namespace"
            + " urn:other, not App Engine's http://appengine.google.com/ns/1.0; it is read as App Engine's");
  }
}
