package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.config.ConfigException;
import dev.resident.undertow.time.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("R-SEC-2 the HTTPS listener and secure: always")
class TlsTest {

  private static final String PASSWORD = "changeit";
  private static final String HANDLERS = """
      application: tls
      version: v1
      handlers:
      - url: /pay/*
        servlet: dev.resident.undertow.security.Who
        secure: always
      - url: /*
        servlet: dev.resident.undertow.security.Who
      """;

  @TempDir
  static Path dir;
  private static SSLContext trusting;
  private static TrustManagerFactory trustBoth;

  /** A client context that trusts both certificates, with a session cache of its own. */
  private static SSLContext trusting() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustBoth.getTrustManagers(), null);
    return context;
  }

  private static Certificate first;
  private static Certificate second;

  /** Two self-signed certificates for 127.0.0.1 and localhost, made by the JDK's keytool. */
  @BeforeAll
  static void certificates() throws IOException, InterruptedException, GeneralSecurityException {
    first = certificate("tls");
    second = certificate("tls2");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("first", first);
    trust.setCertificateEntry("second", second);
    trustBoth = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustBoth.init(trust);
    trusting = trusting();
  }

  /** Makes {@code name.p12}, {@code name.crt} and {@code name.key} in the test directory. */
  private static Certificate certificate(String name) throws IOException, InterruptedException, GeneralSecurityException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Path log = dir.resolve(name + "-keytool.log");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "resident", "-keyalg", "RSA",
        "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", dir.resolve(name + ".p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
        "-keypass", PASSWORD)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool ends").isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
      store.load(in, PASSWORD.toCharArray());
    }
    Certificate certificate = store.getCertificate("resident");
    Key key = store.getKey("resident", PASSWORD.toCharArray());
    Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
    return certificate;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static ResidentHost host(String resident) {
    return host(resident, new VirtualClock());
  }

  private static ResidentHost host(String resident, VirtualClock clock) {
    ResidentHost host = ResidentHost.builder().port(0).stopOnJvmShutdown(false).clock(clock)
        .baseDirectory(dir).config("app.yaml", HANDLERS + "resident:\n" + resident).build();
    host.start();
    return host;
  }

  @Test
  @DisplayName("plain GET and HEAD of a secure: always URL are redirected to the HTTPS listener, other methods get 403; over TLS it is served")
  void pkcs12() {
    try (ResidentHost host = host("  https_port: 0\n  tls_keystore: tls.p12\n  tls_keystore_password: " + PASSWORD + "\n")) {
      Client plain = new Client();
      HttpResponse<String> redirected = plain.get(host.port(), "/pay/x?a=1");
      assertThat(redirected.statusCode()).isEqualTo(302);
      assertThat(redirected.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + host.httpsPort() + "/pay/x?a=1");
      assertThat(plain.send("HEAD", URI.create("http://127.0.0.1:" + host.port() + "/pay/x")).statusCode()).isEqualTo(302);
      HttpResponse<String> posted = plain.send("POST", URI.create("http://127.0.0.1:" + host.port() + "/pay/x"));
      assertThat(posted.statusCode()).isEqualTo(403);
      assertThat(posted.body()).isEqualTo("HTTPS only\n");
      assertThat(plain.get(host.port(), "/open").statusCode()).as("not secure: always").isEqualTo(200);

      Client tls = new Client(trusting);
      HttpResponse<String> served = tls.send("POST", URI.create("https://127.0.0.1:" + host.httpsPort() + "/pay/x"));
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).startsWith("POST /pay/x");
      assertThat(tls.send("GET", URI.create("https://localhost:" + host.httpsPort() + "/open")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a PEM certificate and PKCS#8 key serve the same")
  void pem() {
    try (ResidentHost host = host("  https_port: 0\n  tls_certificate: tls.crt\n  tls_key: tls.key\n")) {
      assertThat(new Client(trusting).send("GET", URI.create("https://127.0.0.1:" + host.httpsPort() + "/pay/x")).body())
          .startsWith("GET /pay/x");
    }
  }

  @Test
  @DisplayName("the certificate and key are reloaded when their files change; files that cannot be loaded leave the old key serving")
  void reloads() throws IOException {
    Files.createDirectories(dir.resolve("reload"));
    Files.copy(dir.resolve("tls.crt"), dir.resolve("reload/server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(dir.resolve("tls.key"), dir.resolve("reload/server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    VirtualClock clock = new VirtualClock();
    try (ResidentHost host = host("  https_port: 0\n  tls_certificate: reload/server.crt\n  tls_key: reload/server.key\n", clock)) {
      URI uri = URI.create("https://127.0.0.1:" + host.httpsPort() + "/open");
      assertThat(served(uri)).isEqualTo(first);
      Files.copy(dir.resolve("tls2.crt"), dir.resolve("reload/server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.copy(dir.resolve("tls2.key"), dir.resolve("reload/server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(served(uri)).as("checked at most every 10 s").isEqualTo(first);
      clock.advance(ReloadingKeyManager.CHECK_PERIOD);
      assertThat(served(uri)).isEqualTo(second);
      Files.writeString(dir.resolve("reload/server.key"), "-----BEGIN PRIVATE KEY-----\nhalf");
      clock.advance(ReloadingKeyManager.CHECK_PERIOD);
      assertThat(served(uri)).as("a broken key file keeps the old key").isEqualTo(second);
    }
  }

  /**
   * The certificate the server shows in a full handshake: a new client context each time, so that no
   * session is resumed (a resumed session keeps the certificate it was made with).
   */
  private static Certificate served(URI uri) {
    try {
      HttpResponse<String> response = new Client(trusting()).send("GET", uri);
      assertThat(response.statusCode()).isEqualTo(200);
      return response.sslSession().orElseThrow().getPeerCertificates()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("X-Forwarded-Proto: https counts from a trusted proxy only")
  void forwardedProto() {
    try (ResidentHost host = host("  trusted_proxies: 127.0.0.1\n")) {
      Client plain = new Client();
      assertThat(plain.get(host.port(), "/pay/x", "X-Forwarded-Proto", "https").statusCode()).isEqualTo(200);
      HttpResponse<String> redirected = plain.get(host.port(), "/pay/x", "X-Forwarded-Proto", "http");
      assertThat(redirected.statusCode()).isEqualTo(302);
      assertThat(redirected.headers().firstValue("Location")).as("the proxy's own port 443").hasValue("https://127.0.0.1/pay/x");
    }
    try (ResidentHost host = host("  trusted_proxies: 10.0.0.0/8\n")) {
      assertThat(new Client().get(host.port(), "/pay/x", "X-Forwarded-Proto", "https").statusCode()).isEqualTo(302);
    }
  }

  @Test
  @DisplayName("fail closed: secure: always with no HTTPS listener and no trusted proxy, or an unusable keystore, stops the host")
  void failsClosed() {
    ConfigException noTls = catchThrowableOfType(ConfigException.class,
        () -> ResidentHost.builder().config("app.yaml", HANDLERS).build());
    assertThat(noTls.errors()).singleElement().asString()
        .startsWith("app.yaml:4:3: default/v1 /pay/* asks for secure: always, and the host has no TLS");
    ConfigException badPassword = catchThrowableOfType(ConfigException.class,
        () -> ResidentHost.builder().baseDirectory(dir)
            .config("app.yaml", HANDLERS + "resident:\n  https_port: 0\n  tls_keystore: tls.p12\n  tls_keystore_password: wrong\n")
            .build());
    assertThat(badPassword.errors()).singleElement().asString().contains("tls.p12 cannot be read as PKCS#12");
    ConfigException missing = catchThrowableOfType(ConfigException.class,
        () -> ResidentHost.builder().baseDirectory(dir)
            .config("app.yaml", HANDLERS + "resident:\n  https_port: 0\n  tls_certificate: none.crt\n  tls_key: tls.key\n")
            .build());
    assertThat(missing.errors()).singleElement().asString().contains("none.crt cannot be read");
    ConfigException half = catchThrowableOfType(ConfigException.class,
        () -> ResidentHost.builder().config("app.yaml", "version: v1\nresident:\n  https_port: 8443\n").build());
    assertThat(half.errors()).singleElement().asString().contains("resident.https_port");
    assertThat(List.of(half.errors().get(0).message())).isNotEmpty();
  }
}
