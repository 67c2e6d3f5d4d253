package dev.resident.undertow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-SEC-1 resident.trusted_proxies: IPv4 and IPv6 addresses and ranges")
class TrustedProxiesTest {

  @Test
  @DisplayName("addresses and CIDR ranges of both families")
  void ranges() throws UnknownHostException {
    TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32", "::1", "35.191.0.0/16"));
    assertThat(proxies.trusts(InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(proxies.trusts(InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(proxies.trusts(InetAddress.getByName("192.168.1.7"))).isTrue();
    assertThat(proxies.trusts(InetAddress.getByName("192.168.1.8"))).isFalse();
    assertThat(proxies.trusts(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
    assertThat(proxies.trusts(InetAddress.getByName("2001:db9::1"))).isFalse();
    assertThat(proxies.trusts(InetAddress.getByName("::1"))).isTrue();
    assertThat(proxies.trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(proxies.trusts(InetAddress.getByName("35.191.200.1"))).isTrue();
    assertThat(TrustedProxies.of(List.of("10.1.2.0/23")).trusts(InetAddress.getByName("10.1.3.255"))).isTrue();
    assertThat(TrustedProxies.of(List.of("10.1.2.0/23")).trusts(InetAddress.getByName("10.1.4.0"))).isFalse();
    assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).trusts(InetAddress.getByName("8.8.8.8"))).isTrue();
    assertThat(TrustedProxies.NONE.any()).isFalse();
  }

  @Test
  @DisplayName("host names and bad prefixes are refused; nothing is looked up")
  void refused() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example.com"))).hasMessageContaining("proxy.example.com");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("::/129"))).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x"))).hasMessageContaining("prefix length");
  }
}
