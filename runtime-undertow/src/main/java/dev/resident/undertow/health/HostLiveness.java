package dev.resident.undertow.health;

/** Whether a host runs: live from the moment its ports open until it begins to stop (R-OPS-4). */
public final class HostLiveness {

  private volatile boolean live = true;

  /** Marks the host as stopping: every live probe answers 503 from now on. */
  public void stopping() {
    live = false;
  }

  /**
   * Tells whether the host runs.
   *
   * @return true until {@link #stopping()}
   */
  public boolean live() {
    return live;
  }

  @Override
  public String toString() {
    return live ? "live" : "stopping";
  }
}
