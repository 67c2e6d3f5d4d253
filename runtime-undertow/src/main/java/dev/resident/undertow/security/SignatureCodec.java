package dev.resident.undertow.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The form of a signature (R-SEC-3): {@code v1.<epoch seconds>.<nonce>.<mac>}, where the nonce is 16
 * random bytes and the mac an HMAC-SHA256 of the method, host, path, query, time and nonce, both in
 * unpadded base64url. Holds no state beyond the secret; safe for concurrent use.
 */
final class SignatureCodec {

  static final String VERSION = "v1";
  static final int NONCE_CHARS = 22;
  static final int MAC_CHARS = 43;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final List<ThreadLocal<Mac>> macs;

  SignatureCodec(InternalSecret secret) {
    List<ThreadLocal<Mac>> list = new ArrayList<>();
    for (byte[] key : secret.keys()) {
      SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
      list.add(ThreadLocal.withInitial(() -> newMac(spec)));
    }
    this.macs = List.copyOf(list);
  }

  private static Mac newMac(SecretKeySpec spec) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("The JDK has no usable " + ALGORITHM, e);
    }
  }

  /** Returns the signature of a request with the signing key. */
  String sign(String method, String host, String path, String query, long epochSeconds, String nonce) {
    byte[] mac = mac(macs.get(0).get(), method, host, path, query, epochSeconds, nonce);
    return VERSION + "." + epochSeconds + "." + nonce + "." + ENCODER.encodeToString(mac);
  }

  /** Tells, in constant time per key, whether a presented mac is that of the request under any key. */
  boolean matches(
      String method, String host, String path, String query, long epochSeconds, String nonce, byte[] presented) {
    boolean any = false;
    for (ThreadLocal<Mac> mac : macs) {
      any |= MessageDigest.isEqual(mac(mac.get(), method, host, path, query, epochSeconds, nonce), presented);
    }
    return any;
  }

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** Decodes base64url of an expected length, or returns null. */
  static byte[] decode(String text, int chars) {
    if (text.length() != chars) {
      return null;
    }
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return null;
      }
    }
    try {
      return DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] mac(
      Mac mac, String method, String host, String path, String query, long epochSeconds, String nonce) {
    String canonical = method + '\n' + host.toLowerCase(Locale.ROOT) + '\n' + path + '\n' + query + '\n'
        + epochSeconds + '\n' + nonce;
    return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
