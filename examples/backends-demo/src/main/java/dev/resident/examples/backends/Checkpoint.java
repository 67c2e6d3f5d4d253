package dev.resident.examples.backends;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * One memdb instance's checkpoint: its map written to a properties file, replaced atomically so that a
 * reader never sees half a checkpoint.
 */
final class Checkpoint {

  private final Path file;

  /**
   * @param directory the directory of every instance's checkpoint
   * @param instance the instance id, such as {@code "3"}
   */
  Checkpoint(Path directory, String instance) {
    this.file = directory.resolve("memdb-" + instance + ".properties");
  }

  /**
   * Returns the file.
   *
   * @return such as {@code target/memdb-checkpoints/memdb-3.properties}
   */
  Path file() {
    return file;
  }

  /**
   * Reads the checkpoint into a map.
   *
   * @param into the map to fill
   * @return how many entries were read; 0 when there is no checkpoint yet
   */
  int load(Map<String, String> into) {
    if (!Files.exists(file)) {
      return 0;
    }
    Properties saved = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      saved.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the checkpoint " + file, e);
    }
    saved.stringPropertyNames().forEach(key -> into.put(key, saved.getProperty(key)));
    return saved.size();
  }

  /**
   * Writes the map to the checkpoint, replacing the previous one.
   *
   * @param from the map; it may change while it is written
   * @return how many entries were written
   */
  int save(Map<String, String> from) {
    Properties saved = new Properties();
    saved.putAll(from);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        saved.store(writer, "memdb checkpoint");
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the checkpoint " + file, e);
    }
    return saved.size();
  }
}
