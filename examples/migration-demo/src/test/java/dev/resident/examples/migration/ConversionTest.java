package dev.resident.examples.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recipe over the App Engine app of src/appengine: what it changed, and what it left. */
class ConversionTest {

  private static final Path SERVLET_SOURCE = Path.of("dev/resident/examples/migration/TallyServlet.java");

  @Test
  @DisplayName("R-MIG-1 the recipe changes the servlet and both web.xml files, and leaves appengine-web.xml and the static page as they are")
  void changedFiles() throws IOException {
    AppEngineConversion.Converted converted = ConvertedApp.get();

    assertThat(converted.changed()).extracting(Path::toString).containsExactlyInAnyOrder(
        "java/dev/resident/examples/migration/TallyServlet.java", "default/WEB-INF/web.xml",
        "tally/WEB-INF/web.xml");
    for (String same : List.of("default/WEB-INF/appengine-web.xml", "tally/WEB-INF/appengine-web.xml",
        "default/index.html")) {
      assertThat(Files.readString(converted.out().resolve(same))).as(same)
          .isEqualTo(Files.readString(ConvertedApp.ORIGINAL.resolve(same)));
    }
  }

  @Test
  @DisplayName("R-MIG-1 no App Engine or javax.servlet import is left: LifecycleManager, ThreadManager, ModulesService and ApiProxy are Resident's, the servlet API Jakarta's")
  void servletSource() throws IOException {
    String before = Files.readString(ConvertedApp.ORIGINAL.resolve("java").resolve(SERVLET_SOURCE));
    String after = ConvertedApp.get().sources().get(SERVLET_SOURCE);

    assertThat(before).contains("import com.google.appengine.api.LifecycleManager;", "import javax.servlet.");
    assertThat(after)
        .doesNotContain("com.google.appengine", "com.google.apphosting", "javax.servlet", "ApiProxy")
        .contains(
            "import dev.resident.api.LifecycleManager;",
            "import dev.resident.api.ThreadManager;",
            "import dev.resident.api.modules.ModulesService;",
            "import dev.resident.api.modules.ModulesServiceFactory;",
            "import dev.resident.api.Environment;",
            "import jakarta.servlet.http.HttpServlet;",
            "Environment env = Environment.current();",
            "String instance = env.getInstanceId();");
    // After the imports, the original code line for line, but the environment's two lines and ShutdownHook's
    // name, now nested in Resident's LifecycleManager.
    assertThat(code(after)).isEqualTo(code(before
        .replace("new ShutdownHook()", "new LifecycleManager.ShutdownHook()")
        .replace("ApiProxy.Environment env = ApiProxy.getCurrentEnvironment();", "Environment env = Environment.current();")
        .replace("String instance = (String) env.getAttributes().get(\"com.google.appengine.instance.id\");",
            "String instance = env.getInstanceId();")));
  }

  @Test
  @DisplayName("R-MIG-1 R-WAR-2 web.xml moves to the jakartaee namespace and Servlet 6.0, its servlet mapping unchanged")
  void webXml() throws IOException {
    String webXml = Files.readString(ConvertedApp.tallyWar().resolve("WEB-INF/web.xml"));

    assertThat(webXml)
        .contains("xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"", "version=\"6.0\"",
            "<servlet-class>dev.resident.examples.migration.TallyServlet</servlet-class>",
            "<url-pattern>/*</url-pattern>")
        .doesNotContain("xmlns.jcp.org");
  }

  @Test
  @DisplayName("R-MIG-1 the converted source compiles against Jakarta Servlet 6.0 and runtime-api alone, into WEB-INF/classes")
  void compiled() {
    Path classes = ConvertedApp.tallyWar().resolve("WEB-INF/classes");

    assertThat(classes.resolve("dev/resident/examples/migration/TallyServlet.class")).isRegularFile();
    assertThat(classes.resolve("dev/resident/examples/migration/TallyServlet$1.class")).isRegularFile();
  }

  /** The lines of a source file after its imports. */
  private static List<String> code(String source) {
    List<String> lines = source.lines().toList();
    int lastImport = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("import ")) {
        lastImport = i;
      }
    }
    return lines.subList(lastImport + 1, lines.size());
  }
}
