package dev.resident.undertow.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.config.ConfigLoader;
import dev.resident.undertow.config.ConfigProblem;
import dev.resident.undertow.config.LoadedConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Exploded WAR and EAR directories for the tests, written into a temporary directory. */
final class Wars {
  static final String NS = "xmlns=\"http://appengine.google.com/ns/1.0\"";

  private Wars() {}

  /** The seed 002 EAR, as the test resources hold it. */
  static Path seedEar() {
    try {
      return Path.of(Wars.class.getResource("/war/my-application").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a file under a directory, making its parents. */
  static Path write(Path dir, String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A WAR with an appengine-web.xml whose body (inside the root) is given. */
  static Path war(Path dir, String appengineWebBody) {
    write(dir, "WEB-INF/appengine-web.xml",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<appengine-web-app " + NS + ">\n" + appengineWebBody
            + "</appengine-web-app>\n");
    return dir;
  }

  /** A web.xml in the jakartaee namespace with the given body. */
  static Path webXml(Path war, String body) {
    return write(war, "WEB-INF/web.xml", "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
        + body + "</web-app>\n");
  }

  static LoadedConfig load(Path... inputs) {
    return ConfigLoader.load(List.of(inputs));
  }

  /** Loads inputs that must fail; every problem as printed. */
  static List<String> problems(Path... inputs) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(inputs));
    assertThat(e).as("ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  static List<String> warnings(Path... inputs) {
    return load(inputs).warnings().stream().map(ConfigProblem::toString).toList();
  }
}
