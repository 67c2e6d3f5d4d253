package dev.resident.undertow.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process environment of a process that runs one instance (R-DIST-1): there, a version's
 * {@code env_variables} are what {@link System#getenv} answers, as on App Engine.
 *
 * <p>Java cannot change its own process environment, so the launcher does not try (no reflection into the
 * JVM's copy of it). On a cluster the manifests put {@code env_variables} into the container's environment,
 * and the process starts with them. Anywhere else the launcher starts the same command again in a child JVM
 * whose environment has them ({@link #startChild}), passes SIGTERM and SIGINT on to it and exits with its
 * status.
 */
public final class ProcessEnvironment {

  /** Set in the environment of a child JVM the launcher started, so that it never starts another. */
  public static final String APPLIED = "RESIDENT_ENV_APPLIED";

  private ProcessEnvironment() {}

  /**
   * Returns the variables the process lacks or has with another value.
   *
   * @param wanted the version's {@code env_variables}
   * @param actual the process environment, {@link System#getenv()}
   * @return the wanted entries not in {@code actual} as they are, sorted by name; empty when all are there
   */
  public static Map<String, String> missing(Map<String, String> wanted, Map<String, String> actual) {
    Map<String, String> missing = new TreeMap<>();
    wanted.forEach((name, value) -> {
      if (!value.equals(actual.get(name))) {
        missing.put(name, value);
      }
    });
    return missing;
  }

  /**
   * Starts the same main class and arguments in a child JVM (this JVM's java, options and class path) whose
   * environment is this one's with {@code variables} added, and {@link #APPLIED} set. The child's standard
   * streams are this process's.
   *
   * @param mainClass the main class
   * @param args its arguments
   * @param variables what to add to the environment
   * @return the child
   * @throws IOException if the child cannot be started
   */
  public static Process startChild(String mainClass, String[] args, Map<String, String> variables)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(variables);
    builder.environment().put(APPLIED, "1");
    return builder.start();
  }
}
