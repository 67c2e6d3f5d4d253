package dev.resident.undertow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secret that signs internal requests (R-SEC-3): random per host, or shared by several processes
 * through the environment variable {@value #ENV} or the file {@code resident.internal_secret_file}.
 * A shared value may hold several secrets separated by white space or commas: the first signs, every one
 * verifies, which is how a secret is rotated without refusing requests signed with the old one.
 */
public final class InternalSecret {

  /** The environment variable of a shared secret; it wins over the file. */
  public static final String ENV = "RESIDENT_INTERNAL_SECRET";

  /** The shortest secret accepted, in characters. */
  public static final int MIN_LENGTH = 32;

  private final List<byte[]> keys;
  private final String source;

  private InternalSecret(List<byte[]> keys, String source) {
    this.keys = List.copyOf(keys);
    this.source = source;
  }

  /**
   * Returns a fresh random secret, known to this host only.
   *
   * @param random the source of randomness
   * @return the secret
   */
  public static InternalSecret random(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new InternalSecret(List.of(key), "random per host");
  }

  /**
   * Parses a shared value: one or more secrets, separated by white space or commas.
   *
   * @param text the value
   * @param source where it comes from, for messages and logs
   * @return the secret
   * @throws IllegalArgumentException if the value holds no secret or one shorter than {@value #MIN_LENGTH}
   *     characters; the message never shows a secret
   */
  public static InternalSecret parse(String text, String source) {
    List<byte[]> keys = new ArrayList<>();
    for (String part : text.split("[\\s,]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.length() < MIN_LENGTH) {
        throw new IllegalArgumentException("The internal secret of " + source + " has a secret of "
            + part.length() + " characters; each must have at least " + MIN_LENGTH
            + " (for example 64 hexadecimal digits from `openssl rand -hex 32`)");
      }
      keys.add(part.getBytes(StandardCharsets.UTF_8));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("The internal secret of " + source + " is empty");
    }
    return new InternalSecret(keys, source);
  }

  /**
   * Returns the host's secret: {@value #ENV} when set, else the file when given, else a random one.
   *
   * @param environment the process environment
   * @param file {@code resident.internal_secret_file}, or null
   * @param random randomness for a per-host secret
   * @return the secret
   * @throws IllegalArgumentException if the variable or the file is unusable
   */
  public static InternalSecret resolve(Map<String, String> environment, Path file, SecureRandom random) {
    String fromEnv = environment.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return parse(fromEnv, "the environment variable " + ENV);
    }
    if (file != null) {
      try {
        return parse(Files.readString(file, StandardCharsets.UTF_8), "resident.internal_secret_file " + file);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "resident.internal_secret_file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    return random(random);
  }

  /**
   * Returns the keys, the signing one first.
   *
   * @return the keys; callers must not change them
   */
  List<byte[]> keys() {
    return keys;
  }

  /**
   * Tells where the secret comes from.
   *
   * @return such as {@code random per host}
   */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "internal-secret(" + source + ", " + keys.size() + (keys.size() == 1 ? " key)" : " keys)");
  }
}
