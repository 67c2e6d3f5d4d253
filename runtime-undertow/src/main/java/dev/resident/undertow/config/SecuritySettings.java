package dev.resident.undertow.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application-wide security settings of the default module's {@code resident:} block (R-SEC-1..3).
 * Every one is optional; {@link #NONE} has none.
 *
 * @param trustedProxies {@code trusted_proxies}: addresses and CIDR ranges whose identity headers and
 *     {@code X-Forwarded-Proto} are believed; empty for none
 * @param authenticator {@code authenticator}: the class name of an authenticator, or
 *     {@code identity-headers} for the identity-aware proxy one; null for none
 * @param admins {@code admins}: the names (e-mail addresses) the identity-header authenticator makes admins
 * @param loginUrl {@code login_url}: where callers who are not signed in are redirected; null for 401
 * @param internalSecretFile {@code internal_secret_file}: a file with the shared secret of internal
 *     requests; null for a random secret per host
 * @param httpsPort {@code https_port}: the port of the HTTPS listener (0 for an ephemeral one); null for
 *     no HTTPS listener
 * @param tlsKeystore {@code tls_keystore}: a PKCS#12 keystore file; null when PEM files are given
 * @param tlsKeystorePassword {@code tls_keystore_password}, or null
 * @param tlsCertificate {@code tls_certificate}: a PEM certificate chain file, or null
 * @param tlsKey {@code tls_key}: a PEM PKCS#8 private key file, or null
 * @param origins where each given setting is written, by key such as {@code https_port}, for messages
 */
public record SecuritySettings(
    List<String> trustedProxies,
    String authenticator,
    List<String> admins,
    String loginUrl,
    String internalSecretFile,
    Integer httpsPort,
    String tlsKeystore,
    String tlsKeystorePassword,
    String tlsCertificate,
    String tlsKey,
    Map<String, Origin> origins) {

  /** No security setting at all. */
  public static final SecuritySettings NONE =
      new SecuritySettings(List.of(), null, List.of(), null, null, null, null, null, null, null, Map.of());

  /** The keys of the {@code resident:} block read here. */
  static final List<String> KEYS = List.of(
      "trusted_proxies", "authenticator", "admins", "login_url", "internal_secret_file", "https_port",
      "tls_keystore", "tls_keystore_password", "tls_certificate", "tls_key");

  public SecuritySettings {
    trustedProxies = List.copyOf(trustedProxies);
    admins = List.copyOf(admins);
    origins = Map.copyOf(origins);
  }

  /**
   * Returns where a setting is written.
   *
   * @param key such as {@code https_port}
   * @return its origin; the first setting's when that one is not given; {@code defaults} when none is
   */
  public Origin origin(String key) {
    Origin found = origins.get(key);
    return found != null ? found : origin();
  }

  /**
   * Returns where the first given setting is written.
   *
   * @return its origin, or {@code defaults} when no setting is given
   */
  public Origin origin() {
    return KEYS.stream().map(origins::get).filter(java.util.Objects::nonNull).findFirst().orElse(Origin.of("defaults"));
  }

  /** Reads the settings from the application-wide values. */
  static SecuritySettings from(AppWideValues values) {
    Map<String, Origin> origins = new java.util.LinkedHashMap<>();
    for (String key : KEYS) {
      values.origin("resident." + key).ifPresent(o -> origins.put(key, o));
    }
    return new SecuritySettings(
        list(values.get("resident.trusted_proxies")),
        values.get("resident.authenticator").orElse(null),
        list(values.get("resident.admins")),
        values.get("resident.login_url").orElse(null),
        values.get("resident.internal_secret_file").orElse(null),
        values.get("resident.https_port").map(Integer::valueOf).orElse(null),
        values.get("resident.tls_keystore").orElse(null),
        values.get("resident.tls_keystore_password").orElse(null),
        values.get("resident.tls_certificate").orElse(null),
        values.get("resident.tls_key").orElse(null),
        origins);
  }

  /** Splits a list written as one string, items separated by commas or white space. */
  static List<String> list(Optional<String> text) {
    return text.map(t -> Arrays.stream(t.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  @Override
  public String toString() {
    return "SecuritySettings[trustedProxies=" + trustedProxies + ", authenticator=" + authenticator
        + ", admins=" + admins + ", loginUrl=" + loginUrl + ", internalSecretFile=" + internalSecretFile
        + ", httpsPort=" + httpsPort + ", tlsKeystore=" + tlsKeystore + ", tlsKeystorePassword="
        + (tlsKeystorePassword == null ? null : "(hidden)") + ", tlsCertificate=" + tlsCertificate
        + ", tlsKey=" + tlsKey + "]";
  }
}
