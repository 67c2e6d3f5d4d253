package dev.resident.undertow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The launcher in a JVM of its own, started with this JVM's java and class path. Its stdout is read line by
 * line on a thread of its own; its stderr (the host's log) goes to a file. Every wait is bounded, and
 * {@link #close()} kills a process a test left running.
 */
final class LauncherProcess implements AutoCloseable {

  private final Process process;
  private final Path stderr;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  private LauncherProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::read, "launcher-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java -cp <this class path> dev.resident.undertow.Main args...}.
   *
   * @param directory the working directory, which also receives {@code stderr.log}
   * @param args the launcher's arguments
   * @return the running launcher
   */
  static LauncherProcess start(Path directory, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    Path stderr = directory.resolve("stderr.log");
    try {
      Process process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectError(stderr.toFile())
          .start();
      return new LauncherProcess(process, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command, e);
    }
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lock.lock();
        try {
          lines.add(line);
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException streamClosed) {
      // The process ended or was killed: what was read stays.
    } finally {
      lock.lock();
      try {
        ended = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Waits until stdout has a line that matches.
   *
   * @param what names the line in the failure message
   * @param line the condition
   * @param bound how long to wait at most
   * @return every stdout line so far
   */
  List<String> awaitLine(String what, Predicate<String> line, Duration bound) {
    long left = bound.toNanos();
    lock.lock();
    try {
      while (lines.stream().noneMatch(line)) {
        if (ended || left <= 0) {
          throw new AssertionError("No " + what + " on stdout " + (ended ? "before it closed" : "within " + bound)
              + "\n" + report());
        }
        left = changed.awaitNanos(left);
      }
      return List.copyOf(lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the process has exited and all its stdout was read.
   *
   * @param bound how long to wait at most
   * @return the exit status
   */
  int awaitExit(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    try {
      if (!process.waitFor(bound.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError("The launcher did not exit within " + bound + "\n" + report());
      }
      lock.lock();
      try {
        long left = deadline - System.nanoTime();
        while (!ended) {
          if (left <= 0) {
            throw new AssertionError("The launcher's stdout did not close within " + bound + "\n" + report());
          }
          left = changed.awaitNanos(left);
        }
      } finally {
        lock.unlock();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends SIGTERM, as {@code kill PID} does. */
  void sigterm() {
    process.toHandle().destroy();
  }

  List<String> stdout() {
    lock.lock();
    try {
      return List.copyOf(lines);
    } finally {
      lock.unlock();
    }
  }

  String stderr() {
    try {
      return Files.exists(stderr) ? Files.readString(stderr) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String report() {
    return "stdout:\n" + String.join("\n", stdout()) + "\nstderr:\n" + stderr();
  }

  /** Kills the process if a test left it running. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
