package dev.resident.undertow.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.slf4j.Logger;

/** The access log's own writer thread (R-OPS-3, R-PERF-1): requests never wait on the logging backend. */
class AccessLineWriterTest {

  private static AccessRecord record(long seq) {
    return new AccessRecord(seq, Instant.EPOCH, "id" + seq, "default", "v1", "0", "GET", "/r" + seq, 200, 2,
        0.1, 0.2, null);
  }

  @Test
  @DisplayName("R-OPS-3 lines are written in order by the writer's thread, and close() writes what is queued")
  void writesInOrder() {
    Logger log = mock(Logger.class);
    AccessLineWriter writer = new AccessLineWriter(log);
    for (int i = 1; i <= 3; i++) {
      writer.write(record(i));
    }
    writer.close();
    InOrder order = inOrder(log);
    for (int i = 1; i <= 3; i++) {
      order.verify(log).info(record(i).line());
    }
    writer.write(record(4));
    assertThat(writer.dropped()).as("a line after close is dropped, counted").isEqualTo(1);
  }

  @Test
  @DisplayName("R-PERF-1 a backend that does not keep up makes lines drop, counted and reported, never blocking the writer of a line")
  void fullQueueDrops() throws Exception {
    Logger log = mock(Logger.class);
    CountDownLatch backendStuck = new CountDownLatch(1);
    CountDownLatch firstLine = new CountDownLatch(1);
    doAnswer(call -> {
      firstLine.countDown();
      backendStuck.await(20, TimeUnit.SECONDS);
      return null;
    }).when(log).info(anyString());
    AccessLineWriter writer = new AccessLineWriter(log);
    writer.write(record(0));
    assertThat(firstLine.await(20, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= AccessLineWriter.CAPACITY + 10; i++) {
      writer.write(record(i));
    }
    assertThat(writer.dropped()).isEqualTo(10);
    backendStuck.countDown();
    verify(log, timeout(20_000)).warn(anyString(), eq(10L));
    writer.close();
  }

  @Test
  @DisplayName("R-OPS-3 an output that fails loses its lines, counted and reported with the failure, and is closed")
  void failingOutput() throws Exception {
    Logger log = mock(Logger.class);
    CountDownLatch closedOutput = new CountDownLatch(1);
    AccessLineOutput failing = new AccessLineOutput() {
      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public void write(AccessRecord record) throws java.io.IOException {
        throw new java.io.IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public long gatherNanos() {
        return 0;
      }

      @Override
      public void close() {
        closedOutput.countDown();
      }
    };
    AccessLineWriter writer = new AccessLineWriter(log, failing);
    writer.write(record(1));
    verify(log, timeout(20_000)).warn(anyString(), eq(1L), eq(failing), eq("java.io.IOException: disk full"));
    writer.close();
    assertThat(closedOutput.await(20, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  @DisplayName("R-OPS-3 R-PERF-1 a file output gathers lines into one write, each line after its time")
  void fileOutput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("access.log");
    AccessLineWriter writer = new AccessLineWriter(mock(Logger.class), new FileLines(file));
    for (int i = 1; i <= 5_000; i++) {
      writer.write(record(i));
    }
    writer.close();
    java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
    assertThat(lines).as("more than one buffer of bytes").hasSize(5_000);
    assertThat(lines.get(0)).isEqualTo("1970-01-01T00:00:00.000Z " + record(1).line());
    assertThat(lines.get(4_999)).isEqualTo("1970-01-01T00:00:00.000Z " + record(5_000).line());
  }

  @Test
  @DisplayName("R-OPS-3 an output whose flush fails counts the batch's lines as dropped, reported with the failure")
  void failingFlush() throws Exception {
    Logger log = mock(Logger.class);
    AccessLineOutput failing = new AccessLineOutput() {
      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public void write(AccessRecord record) {}

      @Override
      public void flush() throws java.io.IOException {
        throw new java.io.IOException("disk full");
      }

      @Override
      public long gatherNanos() {
        return TimeUnit.MILLISECONDS.toNanos(200);
      }

      @Override
      public void close() {}
    };
    AccessLineWriter writer = new AccessLineWriter(log, failing);
    for (int i = 1; i <= 3; i++) {
      writer.write(record(i));
    }
    verify(log, timeout(20_000)).warn(anyString(), eq(3L), eq(failing), eq("java.io.IOException: disk full"));
    writer.close();
  }

  @Test
  @DisplayName("R-OPS-3 a file line is UTF-8: paths beyond ASCII, pairs of surrogates, a lone one as '?', and a line longer than the buffer")
  void fileLinesInUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("access.log");
    String[] paths = {"/caf\u00e9/\u65e5\u672c", "/emoji/\ud83d\ude00", "/lone/\ud83d-", "/long/" + "x\u00e9".repeat(100_000)};
    FileLines lines = new FileLines(file);
    for (int i = 0; i < paths.length; i++) {
      lines.write(new AccessRecord(i, Instant.EPOCH, "id", "default", "v1", "0", "GET", paths[i], 200, 2, 0.1, 0.2,
          null));
    }
    lines.close();
    java.util.List<String> written = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(written).hasSize(paths.length);
    for (int i = 0; i < paths.length; i++) {
      String expected = paths[i].replace("\ud83d-", "?-");
      assertThat(written.get(i)).startsWith("1970-01-01T00:00:00.000Z id default/v1/0 \"GET " + expected + "\" 200");
    }
  }

  @Test
  @DisplayName("R-OPS-3 a file line's time is ISO-8601 UTC to the millisecond, also across seconds and years")
  void utcMillis() {
    UtcMillis time = new UtcMillis();
    String[][] cases = {
        {"2026-12-04T04:02:49.123456Z", "2026-12-04T04:02:49.123Z"},
        {"2026-12-04T04:02:49.007Z", "2026-12-04T04:02:49.007Z"},
        {"2026-12-04T04:02:50Z", "2026-12-04T04:02:50.000Z"},
        {"1999-12-31T23:59:59.999999999Z", "1999-12-31T23:59:59.999Z"},
        {"2026-12-04T04:02:49.050Z", "2026-12-04T04:02:49.050Z"},
    };
    for (String[] pair : cases) {
      assertThat(time.append(Instant.parse(pair[0]), new StringBuilder()).toString()).isEqualTo(pair[1]);
    }
  }
}
