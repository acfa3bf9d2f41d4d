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
      // IPv4-mapped ::ffff:a.b.c.d
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
        try {
          return refusedBecause(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return "an invalid address";
        }
      }
    }
    return null;
  }
}
