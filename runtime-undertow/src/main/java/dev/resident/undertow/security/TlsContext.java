package dev.resident.undertow.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key material of the HTTPS listener (R-SEC-2), from a PKCS#12 keystore or from a PEM certificate
 * chain and a PEM PKCS#8 private key (RSA, EC or EdDSA), and the TLS context made of it.
 */
public final class TlsContext {

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContext() {}

  /**
   * Loads a PKCS#12 keystore with one key entry.
   *
   * @param keystore the file
   * @param password its password, or null for none
   * @return the key manager of its key
   * @throws IllegalArgumentException naming the file when it cannot be read or holds no key
   */
  public static X509ExtendedKeyManager fromPkcs12(Path keystore, String password) {
    char[] pass = password == null ? NO_PASSWORD : password.toCharArray();
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, pass);
      return keyManager(store, pass, "resident.tls_keystore " + keystore);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "resident.tls_keystore " + keystore + " cannot be read as PKCS#12 with the given password: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a PEM certificate chain (the server's certificate first) and a PEM PKCS#8 private key
   * ({@code -----BEGIN PRIVATE KEY-----}).
   *
   * @param certificate the certificate chain file
   * @param key the key file
   * @return the key manager of the key
   * @throws IllegalArgumentException naming the file that cannot be read
   */
  public static X509ExtendedKeyManager fromPem(Path certificate, Path key) {
    Collection<? extends Certificate> chain;
    try (InputStream in = Files.newInputStream(certificate)) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("resident.tls_certificate " + certificate + " cannot be read: " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("resident.tls_certificate " + certificate + " holds no certificate");
    }
    PrivateKey privateKey = privateKey(key);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("resident", privateKey, NO_PASSWORD, chain.toArray(Certificate[]::new));
      return keyManager(store, NO_PASSWORD, "resident.tls_certificate " + certificate);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("resident.tls_key " + key + " does not fit resident.tls_certificate "
          + certificate + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path key) {
    String pem;
    try {
      pem = Files.readString(key, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("resident.tls_key " + key + " cannot be read: " + e.getMessage(), e);
    }
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = pem.indexOf(begin);
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("resident.tls_key " + key + " is not a PEM PKCS#8 key (-----BEGIN PRIVATE"
          + " KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("resident.tls_key " + key + " has invalid base64", e);
    }
    for (String algorithm : List.of("RSA", "EC", "EdDSA", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("resident.tls_key " + key + " is not an RSA, EC or EdDSA PKCS#8 key");
  }

  /**
   * Makes a server TLS context of a key manager.
   *
   * @param keys the key manager, such as a {@link ReloadingKeyManager}
   * @return the context
   * @throws IllegalStateException if the JDK has no TLS
   */
  public static SSLContext context(X509ExtendedKeyManager keys) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {keys}, null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no TLS context", e);
    }
  }

  private static X509ExtendedKeyManager keyManager(KeyStore store, char[] password, String what)
      throws GeneralSecurityException {
    boolean hasKey = false;
    for (String alias : java.util.Collections.list(store.aliases())) {
      hasKey |= store.isKeyEntry(alias);
    }
    if (!hasKey) {
      throw new IllegalArgumentException(what + " holds no private key");
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    for (KeyManager manager : keys.getKeyManagers()) {
      if (manager instanceof X509ExtendedKeyManager x509) {
        return x509;
      }
    }
    throw new IllegalArgumentException(what + " gives no X.509 key manager");
  }
}
