package dev.resident.undertow.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses whose identity headers and {@code X-Forwarded-Proto} are believed
 * ({@code resident.trusted_proxies}): IPv4 and IPv6 addresses and CIDR ranges. Empty trusts no one.
 */
public final class TrustedProxies {

  /** Trusts no address. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

  private final List<byte[]> networks;
  private final List<Integer> prefixes;
  private final List<String> written;

  private TrustedProxies(List<byte[]> networks, List<Integer> prefixes) {
    this(networks, prefixes, List.of());
  }

  private TrustedProxies(List<byte[]> networks, List<Integer> prefixes, List<String> written) {
    this.networks = List.copyOf(networks);
    this.prefixes = List.copyOf(prefixes);
    this.written = List.copyOf(written);
  }

  /**
   * Parses addresses and ranges such as {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1} or
   * {@code 2001:db8::/32}. Host names are not accepted: nothing is looked up.
   *
   * @param entries the entries
   * @return the trusted proxies
   * @throws IllegalArgumentException naming an entry that is not an address or range
   */
  public static TrustedProxies of(List<String> entries) {
    List<byte[]> networks = new ArrayList<>();
    List<Integer> prefixes = new ArrayList<>();
    for (String entry : entries) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] bytes = literal(address, entry);
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              "resident.trusted_proxies: " + entry + " has a prefix length outside 0 to " + bits);
        }
      }
      networks.add(bytes);
      prefixes.add(prefix);
    }
    return new TrustedProxies(networks, prefixes, entries);
  }

  private static byte[] literal(String address, String entry) {
    boolean literal = !address.isEmpty() && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
        && (address.contains(":") || address.chars().allMatch(c -> Character.isDigit(c) || c == '.'));
    if (!literal) {
      throw new IllegalArgumentException("resident.trusted_proxies: " + entry + " is not an IP address or CIDR range");
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("resident.trusted_proxies: " + entry + " is not an IP address or CIDR range");
    }
  }

  /**
   * Tells whether there is any trusted proxy.
   *
   * @return false when no address is trusted
   */
  public boolean any() {
    return !networks.isEmpty();
  }

  /**
   * Tells whether the peer of a connection is a trusted proxy.
   *
   * @param peer the peer's address, or null
   * @return true when it is in one of the ranges
   */
  public boolean trusts(InetSocketAddress peer) {
    if (networks.isEmpty() || peer == null || peer.getAddress() == null) {
      return false;
    }
    return trusts(peer.getAddress());
  }

  /**
   * Tells whether an address is a trusted proxy. An IPv4-mapped IPv6 address counts as its IPv4 address.
   *
   * @param address the address
   * @return true when it is in one of the ranges
   */
  public boolean trusts(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < networks.size(); i++) {
      if (within(bytes, networks.get(i), prefixes.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(byte[] address, byte[] network, int prefix) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return "trusted-proxies(" + (written.isEmpty() ? "none" : String.join(", ", written)) + ")";
  }
}
