package dev.resident.undertow.config;

/** Decides how many requests an instance serves at once (R-REQ-1). */
final class Concurrency {
  /** App Engine's default {@code max_concurrent_requests}. */
  static final int DEFAULT = 10;

  /** The most concurrent requests Resident allows a manual or basic scaling instance. */
  static final int MAX_MANUAL_OR_BASIC = 1000;

  private Concurrency() {}

  /**
   * Returns the concurrency of an instance: 1 when not threadsafe, else the configured value, else 10. A
   * value given for a version that is not threadsafe is ignored with a warning.
   *
   * @param threadsafe the version's {@code threadsafe}
   * @param given the configured {@code max_concurrent_requests}; null when none
   * @param field the field path of {@code given}
   * @param problems where to warn
   * @return the concurrency
   */
  static int resolve(boolean threadsafe, Located<Integer> given, String field, Problems problems) {
    if (given == null) {
      return threadsafe ? DEFAULT : 1;
    }
    if (!threadsafe) {
      problems.warning(
          given.origin(),
          field,
          field + " is ignored because threadsafe is false: an instance serves one request at a time");
      return 1;
    }
    return given.value();
  }
}
