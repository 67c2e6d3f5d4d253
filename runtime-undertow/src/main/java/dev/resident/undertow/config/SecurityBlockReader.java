package dev.resident.undertow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the security settings of a {@code resident:} block (R-SEC-1..3), application-wide values of the
 * default module's file only; {@link SecuritySettings} collects them.
 */
final class SecurityBlockReader {

  private static final String ITEM_SEPARATOR = "[\\s,]+";
  private static final Rule<String> ADDRESSES = Rules.text(
      "IP addresses or CIDR ranges separated by commas, such as 10.0.0.0/8, ::1",
      Pattern.compile("\\s*[0-9A-Fa-f:.]+(/[0-9]{1,3})?(" + ITEM_SEPARATOR + "[0-9A-Fa-f:.]+(/[0-9]{1,3})?)*\\s*"));
  private static final Rule<String> CLASS_NAME = Rules.text(
      "a class name, or identity-headers",
      Pattern.compile("identity-headers|[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*"));
  private static final Rule<String> NAMES = Rules.text(
      "names or e-mail addresses separated by commas", Pattern.compile("\\s*[^\\s,]+([\\s,]+[^\\s,]+)*\\s*"));
  private static final Rule<String> LOGIN_URL = Rules.text(
      "an absolute http(s) URL or a path starting with /",
      Pattern.compile("(https?://[^\\s/?#]+)?/[^\\s]*"));
  private static final Rule<String> PORT = Rules.text("a port from 0 to 65535",
      Pattern.compile("0|[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]"));

  private SecurityBlockReader() {}

  /**
   * Reads the security settings of a block.
   *
   * @param s the {@code resident:} block
   * @param module the module of the file; the settings belong in the default module's file
   * @return the settings given
   */
  static List<AppWideSetting> read(Section s, String module) {
    List<AppWideSetting> settings = new ArrayList<>();
    add(settings, s, "trusted_proxies", ADDRESSES, false, module);
    add(settings, s, "authenticator", CLASS_NAME, false, module);
    add(settings, s, "admins", NAMES, false, module);
    add(settings, s, "login_url", LOGIN_URL, false, module);
    add(settings, s, "internal_secret_file", Rules.STRING, false, module);
    add(settings, s, "https_port", PORT, false, module);
    add(settings, s, "tls_keystore", Rules.STRING, false, module);
    add(settings, s, "tls_keystore_password", Rules.STRING, true, module);
    add(settings, s, "tls_certificate", Rules.STRING, false, module);
    add(settings, s, "tls_key", Rules.STRING, false, module);
    boolean keystore = s.has("tls_keystore");
    boolean pem = s.has("tls_certificate") || s.has("tls_key");
    if (keystore && pem) {
      s.reject("tls_certificate", "absent when tls_keystore is given (a PKCS#12 keystore, or PEM files)");
    } else if (pem && !(s.has("tls_certificate") && s.has("tls_key"))) {
      s.reject(s.has("tls_key") ? "tls_key" : "tls_certificate", "given with both tls_certificate and tls_key");
    }
    if (s.has("https_port") && !keystore && !pem) {
      s.reject("https_port", "given with tls_keystore or with tls_certificate and tls_key");
    }
    if (!s.has("https_port") && (keystore || pem)) {
      s.reject(keystore ? "tls_keystore" : "tls_certificate", "given with https_port");
    }
    return settings;
  }

  private static void add(
      List<AppWideSetting> settings, Section s, String key, Rule<String> rule, boolean secret, String module) {
    ResidentBlockReader.appWideSetting(s, key, rule, secret, module).ifPresent(settings::add);
  }
}
