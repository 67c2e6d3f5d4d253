package dev.resident.undertow.cluster;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which instance a process runs (R-DIST-1): {@code MODULE/VERSION[/ID]}, as given to {@code --instance} or in
 * {@code RESIDENT_INSTANCE}.
 *
 * @param module the module name
 * @param version the version name
 * @param id the instance id, such as {@code "3"}; null when not given (the pod name's ordinal is used, see
 *     {@link #withOrdinalOf(String)})
 */
public record InstanceIdentity(String module, String version, String id) {

  /** The environment variable that names the instance when {@code --instance} is not given. */
  public static final String ENV = "RESIDENT_INSTANCE";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern ORDINAL = Pattern.compile("-([0-9]{1,9})$");

  public InstanceIdentity {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Reads {@code MODULE/VERSION} or {@code MODULE/VERSION/ID}.
   *
   * @param text such as {@code worker/v1/3}
   * @return the identity
   * @throws IllegalArgumentException naming what is wrong: a name that is not App Engine's (letters, digits
   *     and hyphens, at most 63, no hyphen first or last), an id that is not a number, or the wrong parts
   */
  public static InstanceIdentity parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("an instance is MODULE/VERSION or MODULE/VERSION/ID, such as worker/v1/0;"
          + " found \"" + text + "\"");
    }
    name("module", parts[0], text);
    name("version", parts[1], text);
    String id = null;
    if (parts.length == 3) {
      if (!parts[2].matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("the instance id of \"" + text + "\" must be a number such as 0;"
            + " found \"" + parts[2] + "\"");
      }
      id = Integer.toString(Integer.parseInt(parts[2]));
    }
    return new InstanceIdentity(parts[0], parts[1], id);
  }

  private static void name(String what, String value, String text) {
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException("the " + what + " of \"" + text + "\" must be letters, digits and hyphens,"
          + " at most 63, not starting or ending with a hyphen; found \"" + value + "\"");
    }
  }

  /**
   * Returns the ordinal at the end of a pod name, as a StatefulSet names its pods.
   *
   * @param hostname such as {@code worker-v1-3}
   * @return {@code 3} for that name; empty when the name does not end in {@code -N}
   */
  public static OptionalInt ordinal(String hostname) {
    if (hostname == null) {
      return OptionalInt.empty();
    }
    Matcher m = ORDINAL.matcher(hostname);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /**
   * Returns this identity with the id taken from the pod name when none was given.
   *
   * @param hostname the pod name ({@code HOSTNAME}), or null
   * @return this identity if it has an id or the name has no ordinal; otherwise one with the ordinal as id
   */
  public InstanceIdentity withOrdinalOf(String hostname) {
    if (id != null) {
      return this;
    }
    OptionalInt ordinal = ordinal(hostname);
    return ordinal.isPresent() ? new InstanceIdentity(module, version, Integer.toString(ordinal.getAsInt())) : this;
  }

  /**
   * Returns {@code module/version}.
   *
   * @return such as {@code worker/v1}
   */
  public String versionKey() {
    return module + "/" + version;
  }

  @Override
  public String toString() {
    return id == null ? versionKey() : versionKey() + "/" + id;
  }
}
