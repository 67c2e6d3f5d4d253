package dev.resident.undertow.accesslog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Access lines appended to a file of their own, each after its time in UTC to the millisecond ({@code
 * 2026-12-04T04:02:49.123Z abc123 default/v1/0 "GET /" 200 …}), through a buffer that is written out once
 * per batch: a write per batch instead of a logging event and a write per request (R-OPS-3, R-PERF-1).
 */
final class FileLines implements AccessLineOutput {

  /** How long lines gather before a batch is written: the most a line waits to reach the file. */
  static final long GATHER_MILLIS = 10;
  private static final int BUFFER_CHARS = 64 * 1024;

  private final Path file;
  private final Writer out;
  /** The line being written, its characters, and its time's text; the writer's thread only. */
  private final StringBuilder line = new StringBuilder(256);
  private char[] chars = new char[256];
  private final UtcMillis time = new UtcMillis();

  /**
   * Opens the file for appending, creating it if it is missing.
   *
   * @param file the file
   * @throws UncheckedIOException naming the file when it cannot be opened
   */
  FileLines(Path file) {
    this.file = file;
    try {
      this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8), BUFFER_CHARS);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the access log file " + file + ": " + e, e);
    }
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public void write(AccessRecord record) throws IOException {
    line.setLength(0);
    time.append(record.time(), line).append(' ');
    record.appendLine(line).append('\n');
    if (chars.length < line.length()) {
      chars = new char[line.length() * 2];
    }
    line.getChars(0, line.length(), chars, 0);
    out.write(chars, 0, line.length());
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public long gatherNanos() {
    return TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  @Override
  public String toString() {
    return "file " + file;
  }
}
