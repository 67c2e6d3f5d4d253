package dev.resident.undertow.health;

import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.VersionRuntime;
import dev.resident.undertow.instance.VersionState;
import java.util.List;

/** What "ready" means on one port (R-OPS-4); asked on an I/O thread, so it reads states and never waits. */
public interface Readiness {

  /**
   * Tells whether the port's target serves now.
   *
   * @return true when ready
   */
  boolean ready();

  /**
   * Returns what the port serves, for the probe's body.
   *
   * @return such as {@code instance worker/v1/0}
   */
  String target();

  /**
   * Ready when the instance in the slot serves.
   *
   * @param slot a manual or basic instance's slot
   * @return its readiness
   */
  static Readiness of(InstanceSlot slot) {
    String target = "instance " + slot.version().config().key() + "/" + slot.id();
    return new Readiness() {
      @Override
      public boolean ready() {
        Instance current = slot.current();
        return current != null && current.state() == InstanceState.SERVING;
      }

      @Override
      public String target() {
        return target;
      }
    };
  }

  /**
   * Ready when one of the version's instances serves (automatic scaling: also when started with no
   * instance yet).
   *
   * @param version the version
   * @return its readiness
   */
  static Readiness of(VersionRuntime version) {
    String target = "version " + version.config().key();
    return new Readiness() {
      @Override
      public boolean ready() {
        return serving(version);
      }

      @Override
      public String target() {
        return target;
      }
    };
  }

  /**
   * Ready when the default module's default version is.
   *
   * @param application the application
   * @return the main port's readiness
   */
  static Readiness mainPort(ApplicationRuntime application) {
    VersionRuntime version = application.defaultVersion();
    String target = "main port: version " + version.config().key();
    return new Readiness() {
      @Override
      public boolean ready() {
        return serving(version);
      }

      @Override
      public String target() {
        return target;
      }
    };
  }

  /**
   * One of the version's instances serves; or, on automatic scaling, the version is started and has no
   * instance yet, since it makes one for the next request (a probe, answered by the host, never does).
   */
  private static boolean serving(VersionRuntime version) {
    List<Instance> live = version.liveInstances();
    for (Instance instance : live) {
      if (instance.state() == InstanceState.SERVING) {
        return true;
      }
    }
    return live.isEmpty() && version.config().scalingType() == ScalingType.AUTOMATIC
        && version.state() == VersionState.STARTED;
  }
}
