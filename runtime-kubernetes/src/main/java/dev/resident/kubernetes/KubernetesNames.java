package dev.resident.kubernetes;

import dev.resident.undertow.config.VersionConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names, labels and annotations that the manifests give a version's objects and the modules service
 * looks for: one place, so that both always agree.
 */
public final class KubernetesNames {

  /** Label of the application id, on every object. */
  public static final String APP_LABEL = "resident.dev/app";
  /** Label of the module, on every object of a version. */
  public static final String MODULE_LABEL = "resident.dev/module";
  /** Label of the version, on every object of a version. */
  public static final String VERSION_LABEL = "resident.dev/version";
  /** Annotation of a stopped StatefulSet: the count {@code startVersion} scales back to. */
  public static final String STOPPED_COUNT = "resident.dev/instances-before-stop";
  /** The port every container listens on. */
  public static final int PORT = 8080;
  /** The environment variable of the internal-request secret (R-SEC-3), from the application's Secret. */
  public static final String SECRET_ENV = "RESIDENT_INTERNAL_SECRET";
  /** The key of the secret in the application's Secret. */
  public static final String SECRET_KEY = "secret";

  /** A StatefulSet's name leaves room for the pod ordinal and the controller's revision hash within 63. */
  private static final int MAX_NAME = 52;

  private KubernetesNames() {}

  /**
   * Returns the name of a version's objects: {@code module-version}, lower case; a name that would not be a
   * valid object name as it stands is shortened and suffixed with a hash of the original, so that two versions
   * never share a name.
   *
   * @param module the module
   * @param version the version
   * @return such as {@code worker-v1}
   */
  public static String of(String module, String version) {
    return dnsName(module + "-" + version);
  }

  /**
   * Returns the name of a version's objects.
   *
   * @param version the version
   * @return such as {@code worker-v1}
   */
  public static String of(VersionConfig version) {
    return of(version.module(), version.version());
  }

  /**
   * Returns the name of the application's own objects (service account, role, secret, ingress).
   *
   * @param applicationId the application id
   * @param suffix what the object is, such as {@code resident}
   * @return such as {@code backends-demo-resident}
   */
  public static String app(String applicationId, String suffix) {
    return dnsName(applicationId + "-" + suffix);
  }

  /**
   * Returns the labels of an application's objects.
   *
   * @param applicationId the application id
   * @return the app label only
   */
  public static Map<String, String> appLabels(String applicationId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(APP_LABEL, labelValue(applicationId));
    return labels;
  }

  /**
   * Returns the labels of a version's objects, which also select its pods.
   *
   * @param applicationId the application id
   * @param version the version
   * @return app, module and version labels
   */
  public static Map<String, String> versionLabels(String applicationId, VersionConfig version) {
    Map<String, String> labels = appLabels(applicationId);
    labels.put(MODULE_LABEL, labelValue(version.module()));
    labels.put(VERSION_LABEL, labelValue(version.version()));
    return labels;
  }

  /**
   * Returns a label value for a name: App Engine's module and version names are label values as they
   * are; anything else has its other characters replaced.
   *
   * @param name the name
   * @return a valid label value, at most 63 characters
   */
  public static String labelValue(String name) {
    String value = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    return value.length() <= 63 ? value : value.substring(0, 63).replaceAll("[^A-Za-z0-9]+$", "");
  }

  private static String dnsName(String wanted) {
    String lower = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
        .replaceAll("^-+|-+$", "");
    if (lower.equals(wanted) && lower.length() <= MAX_NAME) {
      return lower;
    }
    String hash = hash(wanted);
    String head = lower.substring(0, Math.min(lower.length(), MAX_NAME - hash.length() - 1)).replaceAll("-+$", "");
    return head + "-" + hash;
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
