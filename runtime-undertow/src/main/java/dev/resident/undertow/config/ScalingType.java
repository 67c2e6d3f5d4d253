package dev.resident.undertow.config;

/** How the instances of a version come and go (R-MOD-3). */
public enum ScalingType {
  /** A fixed number of resident instances, ids {@code 0..N-1}, started eagerly. */
  MANUAL,
  /** Instances made on demand up to a maximum, ids {@code 0..max-1}, stopped when idle. */
  BASIC,
  /** Anonymous instances made and removed by load. */
  AUTOMATIC;

  /**
   * Returns the yaml name of this scaling type.
   *
   * @return {@code manual}, {@code basic} or {@code automatic}
   */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
