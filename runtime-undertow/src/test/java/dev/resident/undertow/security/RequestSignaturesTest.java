package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.undertow.time.VirtualClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-3 signatures of internal requests")
class RequestSignaturesTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";
  private final VirtualClock clock = new VirtualClock();
  private final RequestSignatures signatures = new RequestSignatures(InternalSecret.parse(SECRET, "test"), clock, 100);
  private final URI uri = URI.create("http://127.0.0.1:8080/tasks/run?id=7&x=%2F");

  private SignatureCheck check(String method, String host, String path, String query, String signature) {
    return signatures.verify(method, host, path, query, signature);
  }

  @Test
  @DisplayName("a signature is accepted once, for the method, host, path and query it was made for")
  void acceptedOnce() {
    String signature = signatures.sign("POST", uri);
    assertThat(signature).matches("v1\\.[0-9]+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", signature)).isEqualTo(SignatureCheck.VALID);
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", signature)).isEqualTo(SignatureCheck.REPLAYED);
  }

  @Test
  @DisplayName("another method, host, path or query does not match")
  void otherRequests() {
    assertThat(check("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", signatures.sign("POST", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(check("POST", "127.0.0.1:8081", "/tasks/run", "id=7&x=%2F", signatures.sign("POST", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/runs", "id=7&x=%2F", signatures.sign("POST", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/run", "id=8&x=%2F", signatures.sign("POST", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/run", "", signatures.sign("POST", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/run", "id=7&x=/", signatures.sign("POST", uri)))
        .as("the query as sent, not decoded").isEqualTo(SignatureCheck.MISMATCH);
    assertThat(check("POST", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", signatures.sign("POST", uri)))
        .isEqualTo(SignatureCheck.VALID);
  }

  @Test
  @DisplayName("the host is compared ignoring case; a path with no query signs an empty query")
  void hostCase() {
    URI bare = URI.create("http://Worker.Example.com/jobs");
    assertThat(check("GET", "worker.example.com", "/jobs", "", signatures.sign("get", bare))).isEqualTo(SignatureCheck.VALID);
    URI root = URI.create("http://localhost:9000");
    assertThat(check("GET", "localhost:9000", "/", "", signatures.sign("GET", root))).isEqualTo(SignatureCheck.VALID);
  }

  @Test
  @DisplayName("a signature is refused when older or newer than five minutes")
  void window() {
    String old = signatures.sign("GET", uri);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(check("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", old)).isEqualTo(SignatureCheck.EXPIRED);
    String fine = signatures.sign("GET", uri);
    clock.advance(Duration.ofMinutes(4));
    assertThat(check("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", fine)).isEqualTo(SignatureCheck.VALID);

    VirtualClock behind = new VirtualClock(java.time.Instant.parse("2000-01-01T00:00:00Z").minus(Duration.ofMinutes(6)));
    String ahead = new RequestSignatures(InternalSecret.parse(SECRET, "test"), clock, 10).sign("GET", uri);
    RequestSignatures lagging = new RequestSignatures(InternalSecret.parse(SECRET, "test"), behind, 10);
    assertThat(lagging.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", ahead))
        .as("dated ahead").isEqualTo(SignatureCheck.EXPIRED);
  }

  @Test
  @DisplayName("forged, truncated, case-changed and malformed values are refused")
  void badValues() {
    String good = signatures.sign("GET", uri);
    String[] parts = good.split("\\.");
    String host = "127.0.0.1:8080";
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", good.substring(0, good.length() - 1)))
        .as("truncated").isEqualTo(SignatureCheck.MALFORMED);
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", good + "A")).as("too long").isEqualTo(SignatureCheck.MALFORMED);
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", good.toUpperCase(Locale.ROOT)))
        .as("upper case").isIn(SignatureCheck.MALFORMED, SignatureCheck.MISMATCH);
    String flipped = parts[0] + "." + parts[1] + "." + parts[2] + "." + flip(parts[3]);
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", flipped)).as("forged mac").isEqualTo(SignatureCheck.MISMATCH);
    String otherNonce = parts[0] + "." + parts[1] + "." + flip(parts[2]) + "." + parts[3];
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", otherNonce)).as("another nonce").isEqualTo(SignatureCheck.MISMATCH);
    String otherTime = parts[0] + "." + (Long.parseLong(parts[1]) - 1) + "." + parts[2] + "." + parts[3];
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", otherTime)).as("another time").isEqualTo(SignatureCheck.MISMATCH);
    for (String bad : new String[] {"", "v1", "v1...", "v2." + parts[1] + "." + parts[2] + "." + parts[3],
        "v1.-5." + parts[2] + "." + parts[3], "v1.99999999999999." + parts[2] + "." + parts[3],
        "v1." + parts[1] + "." + parts[2] + "." + parts[3] + ".x", "v1." + parts[1] + ".a=b." + parts[3],
        "Bearer " + SECRET, SECRET}) {
      assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", bad)).as(bad).isEqualTo(SignatureCheck.MALFORMED);
    }
    assertThat(check("GET", host, "/tasks/run", "id=7&x=%2F", good)).as("the good one still works").isEqualTo(SignatureCheck.VALID);
  }

  @Test
  @DisplayName("a signature made under another secret does not match")
  void otherSecret() {
    RequestSignatures other = new RequestSignatures(InternalSecret.random(new SecureRandom()), clock, 10);
    assertThat(check("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", other.sign("GET", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
  }

  @Test
  @DisplayName("rotation: a host with the new and the old secret accepts both; the new secret signs")
  void rotation() {
    String next = "fedcba9876543210fedcba9876543210fedcba98";
    RequestSignatures oldHost = new RequestSignatures(InternalSecret.parse(SECRET, "old"), clock, 10);
    RequestSignatures both = new RequestSignatures(InternalSecret.parse(next + "\n" + SECRET + "\n", "both"), clock, 10);
    RequestSignatures newHost = new RequestSignatures(InternalSecret.parse(next, "new"), clock, 10);
    assertThat(both.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", oldHost.sign("GET", uri)))
        .isEqualTo(SignatureCheck.VALID);
    assertThat(newHost.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", both.sign("GET", uri)))
        .isEqualTo(SignatureCheck.VALID);
    assertThat(oldHost.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", newHost.sign("GET", uri)))
        .isEqualTo(SignatureCheck.MISMATCH);
  }

  @Test
  @DisplayName("memory is bounded: when the nonces of the window fill it, new signatures are refused, not replays let in")
  void bounded() {
    RequestSignatures small = new RequestSignatures(InternalSecret.parse(SECRET, "test"), clock, 3);
    String[] made = new String[4];
    for (int i = 0; i < 4; i++) {
      made[i] = small.sign("GET", uri);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(small.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", made[i])).isEqualTo(SignatureCheck.VALID);
    }
    assertThat(small.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", made[3])).isEqualTo(SignatureCheck.BUSY);
    assertThat(small.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", made[0])).isIn(SignatureCheck.BUSY, SignatureCheck.REPLAYED);
    clock.advance(Duration.ofMinutes(11));
    String fresh = small.sign("GET", uri);
    assertThat(small.verify("GET", "127.0.0.1:8080", "/tasks/run", "id=7&x=%2F", fresh))
        .as("after the nonces expire").isEqualTo(SignatureCheck.VALID);
  }

  private static String flip(String base64) {
    char c = base64.charAt(5);
    return base64.substring(0, 5) + (c == 'A' ? 'B' : 'A') + base64.substring(6);
  }
}
