package dev.resident.undertow.admission;

/** Why a request was not admitted; sent to the client in the {@code X-Resident-Rejected} header. */
public enum Rejection {
  /** The request waited {@code pending_timeout} without a slot: 503. */
  PENDING_TIMEOUT("pending-timeout", 503, true),
  /** The pending queue held {@code max_pending_requests} already: 503. */
  QUEUE_FULL("queue-full", 503, true),
  /** Failfast asked for, and no slot was free: 503. */
  FAILFAST("failfast", 503, true),
  /** The instance is stopping and no other instance could take the request: 404. */
  STOPPING("stopping", 404, true),
  /** The instance's start failed and no other instance could take the request: 503. */
  START_FAILED("start-failed", 503, true),
  /**
   * No instance of the version serves or may start (the version stopped meanwhile): 503. Not counted by
   * any instance, since none was chosen.
   */
  NOT_SERVING("not-serving", 503, false);

  /** The response header that names the reason. */
  public static final String HEADER = "X-Resident-Rejected";

  private final String reason;
  private final int status;
  private final boolean byInstance;

  Rejection(String reason, int status, boolean byInstance) {
    this.reason = reason;
    this.status = status;
    this.byInstance = byInstance;
  }

  /**
   * Tells whether an instance's queue turns requests away for this reason, so that its stats count it.
   *
   * @return false for {@link #NOT_SERVING}
   */
  public boolean byInstance() {
    return byInstance;
  }

  /**
   * Returns the reason as sent in {@link #HEADER}.
   *
   * @return such as {@code pending-timeout}
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the status code the client gets.
   *
   * @return 503 or 404
   */
  public int status() {
    return status;
  }
}
