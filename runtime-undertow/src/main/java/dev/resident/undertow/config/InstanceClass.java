package dev.resident.undertow.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The instance classes of App Engine and their memory limits (R-MOD-4). */
public enum InstanceClass {
  B1(128, false),
  B2(256, false),
  B4(512, false),
  B4_1G(1024, false),
  B8(1024, false),
  F1(128, true),
  F2(256, true),
  F4(512, true),
  F4_1G(1024, true);

  private final int memoryMegabytes;
  private final boolean automatic;

  InstanceClass(int memoryMegabytes, boolean automatic) {
    this.memoryMegabytes = memoryMegabytes;
    this.automatic = automatic;
  }

  /**
   * Returns the memory limit of the class.
   *
   * @return megabytes
   */
  public int memoryMegabytes() {
    return memoryMegabytes;
  }

  /**
   * Returns the memory limit of the class in bytes.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return memoryMegabytes * 1024L * 1024L;
  }

  /**
   * Tells whether versions of a scaling type may use this class: {@code F} classes are for automatic
   * scaling, {@code B} classes for manual and basic.
   *
   * @param scaling the scaling type
   * @return true when allowed
   */
  public boolean fits(ScalingType scaling) {
    return automatic == (scaling == ScalingType.AUTOMATIC);
  }

  /**
   * Returns the default class of a scaling type.
   *
   * @param scaling the scaling type
   * @return {@link #F1} for automatic scaling, {@link #B2} otherwise
   */
  public static InstanceClass defaultFor(ScalingType scaling) {
    return scaling == ScalingType.AUTOMATIC ? F1 : B2;
  }

  /**
   * Returns the classes a scaling type may use.
   *
   * @param scaling the scaling type
   * @return the allowed classes in order
   */
  public static List<InstanceClass> allowedFor(ScalingType scaling) {
    return Arrays.stream(values()).filter(c -> c.fits(scaling)).toList();
  }

  /**
   * Finds a class by its yaml name.
   *
   * @param name such as {@code B8}
   * @return the class, or empty when there is none of that name
   */
  public static Optional<InstanceClass> named(String name) {
    return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
  }
}
