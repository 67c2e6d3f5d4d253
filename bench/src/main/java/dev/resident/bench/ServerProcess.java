package dev.resident.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM on this JVM's classpath, spoken to one line at a time: a command on its standard input,
 * one answer line of {@code key=value} pairs on its standard output. Its standard error is inherited.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ServerProcess(Process process) {
    this.process = process;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
    Thread reader = new Thread(this::readLines, "server-process-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} in a new JVM, passing on this JVM's logging settings ({@code org.slf4j.*}, {@code org.jboss.logging.*}). */
  static ServerProcess start(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("org.slf4j.") || name.startsWith("org.jboss.logging."))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add(main.getName());
    command.addAll(List.of(args));
    try {
      return new ServerProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + main.getName(), e);
    }
  }

  private void readLines() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("error=" + e);
    }
    lines.add("error=server-exited");
  }

  /**
   * Waits for the server's next line, running {@code meanwhile} between short polls.
   *
   * @param boundMillis the longest wait
   * @param meanwhile work to keep going while waiting, such as a client's selector; it must return quickly
   */
  String nextLine(long boundMillis, Runnable meanwhile) {
    long deadline = System.nanoTime() + boundMillis * 1_000_000;
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(2, TimeUnit.MILLISECONDS);
        if (line != null) {
          if (line.startsWith("error=")) {
            throw new IllegalStateException("The server JVM answered " + line);
          }
          return line;
        }
        meanwhile.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the server JVM", e);
    }
    throw new IllegalStateException("The server JVM did not answer within " + boundMillis + " ms");
  }

  /** Sends a command and returns its answer as key/value pairs. */
  Map<String, Long> ask(String command, long boundMillis, Runnable meanwhile) {
    commands.println(command);
    Map<String, Long> answer = new LinkedHashMap<>();
    for (String pair : nextLine(boundMillis, meanwhile).split(" ")) {
      int eq = pair.indexOf('=');
      answer.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
    }
    return answer;
  }

  @Override
  public void close() {
    commands.println("quit");
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    }
  }
}
