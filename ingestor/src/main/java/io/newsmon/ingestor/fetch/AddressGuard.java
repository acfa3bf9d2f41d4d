package io.newsmon.ingestor.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses URLs that point into the machine or its network (SSRF): loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10, which holds the cloud metadata
 * address 169.254.169.254), carrier-grade NAT (100.64/10), unspecified and multicast addresses, and
 * non-HTTP schemes. Hosts or IP literals in the allow-list ({@code ingestor.allow-hosts}) pass; the
 * tests and the demo allow {@code 127.0.0.1}. Every address a name resolves to is checked.
 */
public final class AddressGuard {

  private final Set<String> allowed;

  /**
   * Seconds a name resolution is reused by the JVM. The guard resolves a host and the HTTP client
   * resolves it again when it connects; both lookups go through the JVM's address cache, so within
   * this time a name cannot be re-pointed at an internal address between the check and the
   * connection (DNS rebinding). Set only when the operator has not set it.
   */
  static final String DNS_CACHE_SECONDS = "60";

  static {
    if (java.security.Security.getProperty("networkaddress.cache.ttl") == null) {
      java.security.Security.setProperty("networkaddress.cache.ttl", DNS_CACHE_SECONDS);
    }
  }

  public AddressGuard(List<String> allowHosts) {
    this.allowed = allowHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** @throws FetchException {@code blocked-address} or {@code bad-url} when the URL may not be fetched */
  public void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("bad-url", "only http and https URLs are fetched, not '" + uri + "'");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new FetchException("bad-url", "URL has no host: " + uri);
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (allowed.contains(h)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(h);
    } catch (UnknownHostException e) {
      throw new FetchException("dns", "cannot resolve host " + h + ": check the URL or the network");
    }
    for (InetAddress a : addresses) {
      if (allowed.contains(a.getHostAddress().toLowerCase(Locale.ROOT))) {
        continue;
      }
      String why = refusedBecause(a);
      if (why != null) {
        throw new FetchException("blocked-address", "refused " + uri + ": " + h + " is " + why
            + " (" + a.getHostAddress() + "); add it to ingestor.allow-hosts if this is intended");
      }
    }
  }

  /** Why this address is refused, or null when it is a public address. */
  static String refusedBecause(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (a.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address (cloud metadata lives there)";
    }
    if (a.isSiteLocalAddress()) {
      return "a private address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int b0 = b[0] & 0xFF;
      int b1 = b[1] & 0xFF;
      if (b0 == 0 || b0 == 100 && b1 >= 64 && b1 < 128 || b0 == 192 && b1 == 0 && (b[2] & 0xFF) == 0
          || b0 >= 240) {
        return "a reserved address";
      }
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xFE) == 0xFC) {
        return "a private address";
      }
      byte[] v4 = embeddedIpv4(b);
      if (v4 != null) {
        try {
          String why = refusedBecause(InetAddress.getByAddress(v4));
          return why == null ? null : why + " inside an IPv6 address";
        } catch (UnknownHostException e) {
          return "an invalid address";
        }
      }
    }
    return null;
  }

  /**
   * The IPv4 address an IPv6 address carries, by the forms that reach it: IPv4-mapped
   * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}, deprecated but still routed by some
   * stacks), NAT64 ({@code 64:ff9b::/96} and the local-use {@code 64:ff9b:1::/48}), 6to4
   * ({@code 2002:AABB:CCDD::/48}) and Teredo ({@code 2001:0::/32}, client address inverted in the last
   * four bytes). Null for any other address.
   */
  static byte[] embeddedIpv4(byte[] b) {
    if (b.length != 16) {
      return null;
    }
    boolean zero10 = true;
    for (int i = 0; i < 10; i++) {
      zero10 &= b[i] == 0;
    }
    boolean ffff = (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    boolean zero12 = zero10 && b[10] == 0 && b[11] == 0;
    if (zero10 && ffff || zero12) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    int w0 = (b[0] & 0xFF) << 8 | b[1] & 0xFF;
    int w1 = (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    if (w0 == 0x0064 && w1 == 0xff9b) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if (w0 == 0x2002) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    if (w0 == 0x2001 && w1 == 0x0000) {
      return new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
    }
    return null;
  }
}
