package dev.resident.undertow.security;

import dev.resident.undertow.time.HostClock;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener's key, reloaded when its files change (R-SEC-2): at the start of a handshake, at
 * most once per {@link #CHECK_PERIOD} on the host's clock, the files are read and compared with what was
 * loaded; when they differ, the key is loaded again and serves the next handshakes. A change that cannot
 * be loaded (a half-written file) is logged and the old key kept, until the files change again.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {

  /** How often the files are looked at, at most. */
  public static final Duration CHECK_PERIOD = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ReloadingKeyManager.class);

  private final List<Path> files;
  private final Supplier<X509ExtendedKeyManager> load;
  private final HostClock clock;
  private volatile X509ExtendedKeyManager current;
  private volatile long nextCheckNanos;
  private byte[] loadedDigest;
  private byte[] failedDigest;

  /**
   * Loads the key now.
   *
   * @param files the files the key is read from
   * @param load reads them, throwing {@link IllegalArgumentException} when they cannot be used
   * @param clock the host's clock
   * @throws IllegalArgumentException if the key cannot be loaded now
   */
  public ReloadingKeyManager(List<Path> files, Supplier<X509ExtendedKeyManager> load, HostClock clock) {
    this.files = List.copyOf(files);
    this.load = load;
    this.clock = clock;
    this.loadedDigest = digest();
    this.current = load.get();
    this.nextCheckNanos = clock.nanoTime() + CHECK_PERIOD.toNanos();
  }

  /** The key manager of this handshake, after a check of the files when one is due. */
  private X509ExtendedKeyManager fresh() {
    if (clock.nanoTime() - nextCheckNanos >= 0) {
      check();
    }
    return current;
  }

  private synchronized void check() {
    if (clock.nanoTime() - nextCheckNanos < 0) {
      return;
    }
    nextCheckNanos = clock.nanoTime() + CHECK_PERIOD.toNanos();
    byte[] now = digest();
    if (now == null || Arrays.equals(now, loadedDigest) || Arrays.equals(now, failedDigest)) {
      return;
    }
    try {
      current = load.get();
      loadedDigest = now;
      failedDigest = null;
      LOG.info("HTTPS key reloaded from {}", files);
    } catch (IllegalArgumentException e) {
      failedDigest = now;
      LOG.warn("HTTPS key files {} changed but cannot be loaded; the old key still serves: {}", files, e.getMessage());
    }
  }

  /** A digest of the files' contents, or null when one cannot be read. */
  private byte[] digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
      return sha.digest();
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return fresh().chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return fresh().chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return current.getServerAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return current.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return current.getPrivateKey(alias);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return current.getClientAliases(keyType, issuers);
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return current.chooseClientAlias(keyType, issuers, socket);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return current.chooseEngineClientAlias(keyType, issuers, engine);
  }

  @Override
  public String toString() {
    return "reloading-key(" + files + ", checked every " + CHECK_PERIOD + ")";
  }
}
