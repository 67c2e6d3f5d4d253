package dev.resident.undertow.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of one configuration file and the name messages give it.
 *
 * @param name the name problems are reported under, such as {@code worker.yaml}; a file named
 *     {@code backends.yaml} or {@code backends.yml} is read as a backends file whatever its content
 * @param text the yaml text
 */
public record ConfigSource(String name, String text) {

  public ConfigSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Reads a file as UTF-8. Its name is the path as given.
   *
   * @param file the file
   * @return the source
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ConfigSource of(Path file) {
    try {
      return new ConfigSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Returns the last part of the name, the part that tells a backends file.
   *
   * @return such as {@code backends.yaml} for {@code conf/backends.yaml}
   */
  String fileName() {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }
}
