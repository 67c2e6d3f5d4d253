package dev.resident.rewrite;

import static org.openrewrite.maven.Assertions.pomXml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.java.JavaParser;
import org.openrewrite.maven.MavenExecutionContextView;
import org.openrewrite.maven.tree.MavenRepository;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * R-MIG-1: the App Engine API jar of a Maven pom becomes Resident's runtime-api, and it and the Jakarta Servlet
 * API are provided by the host. OpenRewrite resolves the poms from a local repository made here, of links to
 * this build's runtime-api and parent pom and to the App Engine and Jakarta artifacts Maven fetched for this
 * module's tests (OpenRewrite takes a pom of a jar artifact only beside its jar), so the test needs neither the
 * network nor an installed runtime-api.
 */
class AppEngineDependenciesToResidentTest implements RewriteTest {

  private static final String VERSION = System.getProperty("resident.version");

  @TempDir
  static Path repository;

  @BeforeAll
  static void fillRepository() throws IOException {
    link("dev/resident/resident-parent/" + VERSION + "/resident-parent-" + VERSION + ".pom",
        Path.of("..", "pom.xml"));
    link("dev/resident/runtime-api/" + VERSION + "/runtime-api-" + VERSION + ".pom",
        Path.of("..", "runtime-api", "pom.xml"));
    link("dev/resident/runtime-api/" + VERSION + "/runtime-api-" + VERSION + ".jar",
        TestParsers.residentClasspath().get(0));
    // <local>/jakarta/servlet/jakarta.servlet-api/6.0.0/jakarta.servlet-api-6.0.0.jar
    Path local = JavaParser.dependenciesFromClasspath("jakarta.servlet-api").get(0).getParent().getParent()
        .getParent().getParent().getParent();
    for (String file : new String[] {
        "com/google/appengine/appengine-api-1.0-sdk/1.9.98/appengine-api-1.0-sdk-1.9.98.pom",
        "com/google/appengine/appengine-api-1.0-sdk/1.9.98/appengine-api-1.0-sdk-1.9.98.jar",
        "com/google/appengine/appengine/1.9.98/appengine-1.9.98.pom",
        "javax/inject/javax.inject/1/javax.inject-1.pom",
        "javax/inject/javax.inject/1/javax.inject-1.jar",
        "org/sonatype/oss/oss-parent/4/oss-parent-4.pom",
        "jakarta/servlet/jakarta.servlet-api/6.0.0/jakarta.servlet-api-6.0.0.pom",
        "jakarta/servlet/jakarta.servlet-api/6.0.0/jakarta.servlet-api-6.0.0.jar",
        "org/eclipse/ee4j/project/1.0.7/project-1.0.7.pom"}) {
      link(file, local.resolve(file));
    }
  }

  private static void link(String path, Path target) throws IOException {
    Path link = repository.resolve(path);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target.toAbsolutePath());
  }

  @Override
  public void defaults(RecipeSpec spec) {
    MavenExecutionContextView ctx = MavenExecutionContextView.view(new InMemoryExecutionContext(e -> {
      throw new AssertionError(e);
    }));
    ctx.setAddCentralRepository(false);
    ctx.setLocalRepository(MavenRepository.builder().id("local").uri(repository.toUri().toString())
        .knownToExist(true).build());
    spec.recipeFromResources("dev.resident.AppEngineDependenciesToResident").executionContext(ctx);
  }

  @Test
  void appEngineApiBecomesProvidedRuntimeApi() {
    rewriteRun(pomXml(
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>guestbook</artifactId>
          <version>1.0</version>
          <dependencies>
            <dependency>
              <groupId>com.google.appengine</groupId>
              <artifactId>appengine-api-1.0-sdk</artifactId>
              <version>1.9.98</version>
            </dependency>
            <dependency>
              <groupId>jakarta.servlet</groupId>
              <artifactId>jakarta.servlet-api</artifactId>
              <version>6.0.0</version>
            </dependency>
          </dependencies>
        </project>
        """,
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>guestbook</artifactId>
          <version>1.0</version>
          <dependencies>
            <dependency>
              <groupId>dev.resident</groupId>
              <artifactId>runtime-api</artifactId>
              <version>%s</version>
              <scope>provided</scope>
            </dependency>
            <dependency>
              <groupId>jakarta.servlet</groupId>
              <artifactId>jakarta.servlet-api</artifactId>
              <version>6.0.0</version>
              <scope>provided</scope>
            </dependency>
          </dependencies>
        </project>
        """.formatted(VERSION)));
  }
}
