package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.config.ConfigProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

  private static final String SECRET = "the-secret-content-4711";

  @Test
  @DisplayName("R-WAR-6 a file:// external entity is an error and the file is not read")
  void fileEntity(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path war = dir.resolve("war");
    Wars.write(war, "WEB-INF/appengine-web.xml", """
        <?xml version="1.0"?>
        <!DOCTYPE appengine-web-app [ <!ENTITY xxe SYSTEM "%s"> ]>
        <appengine-web-app xmlns="http://appengine.google.com/ns/1.0">
          <version>&xxe;</version>
        </appengine-web-app>
        """.formatted(secret.toUri()));
    List<String> problems = Wars.problems(war);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith(war.resolve("WEB-INF/appengine-web.xml") + ":2:")
        .contains("declares a DTD")
        .doesNotContain(SECRET);
    SafeXml.Result direct = SafeXml.read("a.xml", Files.readString(war.resolve("WEB-INF/appengine-web.xml")));
    assertThat(direct.root()).isEmpty();
    assertThat(direct.problems()).extracting(ConfigProblem::message).noneMatch(m -> m.contains(SECRET));
  }

  @Test
  @DisplayName("R-WAR-6 an http:// external entity or DTD is an error and no connection is made")
  void httpEntityAndDtd() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil";
      String entity = """
          <?xml version="1.0"?>
          <!DOCTYPE web-app [ <!ENTITY xxe SYSTEM "%s/entity"> ]>
          <web-app><display-name>&xxe;</display-name></web-app>
          """.formatted(url);
      String dtd = """
          <?xml version="1.0"?>
          <!DOCTYPE web-app SYSTEM "%s/web-app.dtd">
          <web-app/>
          """.formatted(url);
      for (String text : List.of(entity, dtd)) {
        SafeXml.Result result = SafeXml.read("web.xml", text);
        assertThat(result.root()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
          assertThat(p.isError()).isTrue();
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.message()).contains("DTD");
        });
      }
      server.setSoTimeout(200);
      boolean connected;
      try {
        server.accept().close();
        connected = true;
      } catch (SocketTimeoutException e) {
        connected = false;
      }
      assertThat(connected).as("a connection to the entity's server").isFalse();
    }
  }

  @Test
  @DisplayName("R-WAR-6 an internal entity declaration is refused too; plain documents keep every element's place")
  void internalEntityAndPlaces() {
    SafeXml.Result bomb = SafeXml.read("a.xml", """
        <!DOCTYPE a [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;"> ]>
        <a>&lol2;</a>
        """);
    assertThat(bomb.root()).isEmpty();
    assertThat(bomb.problems()).hasSize(1);
    SafeXml.Result ok = SafeXml.read("a.xml", "<a x=\"1\">\n  <b>\n    text\n  </b><!-- c -->\n</a>\n");
    XmlElement a = ok.root().orElseThrow();
    XmlElement b = a.child("b").orElseThrow();
    assertThat(a.attribute("x")).contains("1");
    assertThat(b.origin()).hasToString("a.xml:2:3");
    assertThat(b.textOrigin()).hasToString("a.xml:3:5");
    assertThat(b.text()).isEqualTo("text");
  }

  @Test
  @DisplayName("R-WAR-6 malformed XML is an error at its place")
  void malformed() {
    SafeXml.Result result = SafeXml.read("a.xml", "<a>\n  <b></c>\n</a>");
    assertThat(result.root()).isEmpty();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).startsWith("invalid XML: ");
    });
  }
}
