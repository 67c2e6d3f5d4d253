package dev.resident.undertow.accesslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Access lines appended to a file of their own, each after its time in UTC to the millisecond ({@code
 * 2026-12-04T04:02:49.123Z abc123 default/v1/0 "GET /" 200 …}). Lines are encoded as UTF-8 straight into
 * a buffer of bytes, which goes to the file in one write per batch (or when it is full): a write per
 * batch instead of a logging event and a write per request, and no character buffer or encoder between
 * the line and its bytes (R-OPS-3, R-PERF-1).
 */
final class FileLines implements AccessLineOutput {

  /** How long lines gather before a batch is written: the most a line waits to reach the file. */
  static final long GATHER_MILLIS = 10;
  /** How many bytes gather before they are written, whatever the batch. */
  static final int BUFFER_BYTES = 256 * 1024;

  private final Path file;
  private final FileChannel channel;
  /** The line being written, its time's text, and the bytes not yet written; the writer's thread only. */
  private final StringBuilder line = new StringBuilder(256);
  private final UtcMillis time = new UtcMillis();
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES);

  /**
   * Opens the file for appending, creating it if it is missing.
   *
   * @param file the file
   * @throws UncheckedIOException naming the file when it cannot be opened
   */
  FileLines(Path file) {
    this.file = file;
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
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
    // A line takes at most three bytes per char (a surrogate pair, two chars, takes four).
    int most = line.length() * 3;
    if (bytes.remaining() < most) {
      writeOut();
    }
    if (most <= bytes.capacity()) {
      encode(line, bytes);
    } else {
      ByteBuffer own = ByteBuffer.allocate(most);
      encode(line, own);
      writeFully(own.flip());
    }
  }

  /** Appends {@code text} to {@code out} as UTF-8; an unpaired surrogate becomes {@code ?}. */
  private static void encode(CharSequence text, ByteBuffer out) {
    byte[] array = out.array();
    int at = out.arrayOffset() + out.position();
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        array[at++] = (byte) c;
      } else if (c < 0x800) {
        array[at++] = (byte) (0xC0 | c >> 6);
        array[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        int code = Character.toCodePoint(c, text.charAt(++i));
        array[at++] = (byte) (0xF0 | code >> 18);
        array[at++] = (byte) (0x80 | code >> 12 & 0x3F);
        array[at++] = (byte) (0x80 | code >> 6 & 0x3F);
        array[at++] = (byte) (0x80 | code & 0x3F);
      } else if (Character.isSurrogate(c)) {
        array[at++] = '?';
      } else {
        array[at++] = (byte) (0xE0 | c >> 12);
        array[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        array[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    out.position(at - out.arrayOffset());
  }

  /** Writes the buffered bytes; the buffer is empty afterwards, whether that worked or not. */
  private void writeOut() throws IOException {
    try {
      writeFully(bytes.flip());
    } finally {
      bytes.clear();
    }
  }

  private void writeFully(ByteBuffer out) throws IOException {
    while (out.hasRemaining()) {
      channel.write(out);
    }
  }

  @Override
  public void flush() throws IOException {
    writeOut();
  }

  @Override
  public long gatherNanos() {
    return TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);
  }

  @Override
  public void close() throws IOException {
    try {
      writeOut();
    } finally {
      channel.close();
    }
  }

  @Override
  public String toString() {
    return "file " + file;
  }
}
