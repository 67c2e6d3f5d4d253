package dev.resident.rewrite;

import dev.resident.api.Environment;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.openrewrite.java.JavaParser;

/** Parsers for templates that call Resident's API, typed against the runtime-api this recipe ships with. */
final class ResidentApiParser {

  private ResidentApiParser() {}

  /**
   * Returns a parser whose classpath holds Resident's runtime-api.
   *
   * @return a parser builder for a {@code JavaTemplate}
   */
  static JavaParser.Builder<?, ?> withRuntimeApi() {
    return JavaParser.fromJavaVersion().classpath(List.of(runtimeApiLocation()));
  }

  private static Path runtimeApiLocation() {
    try {
      return Path.of(Environment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate Resident's runtime-api on the recipe's classpath", e);
    }
  }
}
