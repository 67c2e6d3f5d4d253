package dev.resident.examples.backends;

import dev.resident.testing.ResidentSetup;
import dev.resident.testing.ResidentTest;
import dev.resident.undertow.ResidentHost;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each test of a subclass on a fresh host with the demo application (R-TEST-1), memdb's checkpoints in
 * a fresh directory, and a cmdline job of 1000 steps of 50 ms: 50 seconds, unless something stops it.
 */
@ResidentTest
abstract class DemoHostTest {

  @TempDir
  static Path root;

  /** The checkpoints and events of the current test's host. */
  static DemoFixture demo;

  @ResidentSetup
  static void demo(ResidentHost.Builder host) {
    demo = DemoFixture.configure(host, root, 1000, Duration.ofMillis(50));
  }
}
