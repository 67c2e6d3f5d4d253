package dev.resident.undertow.admin;

import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceListener;
import dev.resident.undertow.time.HostClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The start history of a host's instances: the last start result of each instance id (kept across
 * restarts of a manual or basic instance, dropped when an automatic instance stops), and the starts and
 * failed starts of each version since the host started.
 */
public final class StartRecords implements InstanceListener {

  /**
   * The last start of one instance id.
   *
   * @param result {@code starting}, {@code serving} or {@code failed}
   * @param at when it got there
   * @param message what failed, or null
   */
  public record LastStart(String result, Instant at, String message) {}

  /** Starts and failed starts of one version. */
  public static final class Counts {
    private final LongAdder starts = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * Returns the starts begun.
     *
     * @return the count
     */
    public long starts() {
      return starts.sum();
    }

    /**
     * Returns the starts that failed.
     *
     * @return the count
     */
    public long failures() {
      return failures.sum();
    }
  }

  private final HostClock clock;
  private final Map<String, LastStart> last = new ConcurrentHashMap<>();
  private final Map<String, Counts> counts = new ConcurrentHashMap<>();

  /**
   * @param clock the host's clock, for the times
   */
  public StartRecords(HostClock clock) {
    this.clock = clock;
  }

  @Override
  public void instanceStarting(Instance instance) {
    counts(instance.version()).starts.increment();
    last.put(key(instance), new LastStart("starting", clock.instant(), null));
  }

  @Override
  public void instanceServing(Instance instance) {
    last.put(key(instance), new LastStart("serving", clock.instant(), null));
  }

  @Override
  public void instanceStartFailed(Instance instance, String why) {
    counts(instance.version()).failures.increment();
    last.put(key(instance), new LastStart("failed", clock.instant(), why));
  }

  @Override
  public void instanceStopped(Instance instance) {
    if (instance.slot() == null) {
      last.remove(key(instance));
    }
  }

  /**
   * Returns the last start of an instance id.
   *
   * @param version the version
   * @param instanceId the id
   * @return the last start, or null if it never started
   */
  public LastStart last(VersionConfig version, String instanceId) {
    return last.get(version.key() + "/" + instanceId);
  }

  /**
   * Returns the start counts of a version.
   *
   * @param version the version
   * @return its counts, zero until an instance starts
   */
  public Counts counts(VersionConfig version) {
    return counts.computeIfAbsent(version.key(), k -> new Counts());
  }

  private static String key(Instance instance) {
    return instance.version().key() + "/" + instance.id();
  }

  @Override
  public String toString() {
    return "start-records(" + last.size() + " instances)";
  }
}
