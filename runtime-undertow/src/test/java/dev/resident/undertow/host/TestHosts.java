package dev.resident.undertow.host;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.time.VirtualClock;

/** Hosts for tests: ephemeral ports, no JVM shutdown hook, a virtual clock. */
final class TestHosts {

  private TestHosts() {}

  static ResidentHost.Builder builder(VirtualClock clock) {
    return ResidentHost.builder().port(0).stopOnJvmShutdown(false).clock(clock);
  }
}
