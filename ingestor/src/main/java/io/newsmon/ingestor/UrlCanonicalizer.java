package io.newsmon.ingestor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical form of an article URL, used as the record key and for "seen" state: scheme and host
 * lower-cased, default port, fragment and tracking parameters (utm_*, fbclid, gclid, ...) removed,
 * the mobile and AMP variants ({@code m.}, {@code amp.}, {@code mobile.} hosts, {@code /amp} path
 * segments, {@code amp=1}/{@code outputType=amp}) folded into the main URL. Never throws: a URL it
 * cannot parse is returned trimmed.
 */
public final class UrlCanonicalizer {

  private static final Pattern TRACKING = Pattern.compile(
      "(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|gclsrc|yclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|cmpid|"
          + "ref|ref_src|ref_url|src|source|at_medium|at_campaign|at_custom\\d*|ns_mchannel|ns_campaign|"
          + "xtor|amp|outputtype|__twitter_impression|s_cid|wt\\.mc_id|smid|sr_share|ito|share)$");

  private UrlCanonicalizer() {}

  public static String canonical(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    try {
      URI uri = new URI(u.replace(" ", "%20"));
      if (uri.getScheme() == null || uri.getHost() == null) {
        return u;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(m|amp|mobile)\\.", "");
      int port = uri.getPort();
      if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      path = path.replaceAll("/amp/?$", "/").replaceAll("^/amp/", "/").replaceAll("\\.amp(\\.html?)?$", "$1");
      if (path.length() > 1 && path.endsWith("/") && !url.strip().endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      List<String> kept = new ArrayList<>();
      if (uri.getRawQuery() != null) {
        for (String p : uri.getRawQuery().split("&")) {
          if (p.isEmpty()) {
            continue;
          }
          String name = p.split("=", 2)[0];
          if (!TRACKING.matcher(name).matches()) {
            kept.add(p);
          }
        }
      }
      StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
      if (port > 0) {
        sb.append(':').append(port);
      }
      sb.append(path);
      if (!kept.isEmpty()) {
        sb.append('?').append(String.join("&", kept));
      }
      return sb.toString();
    } catch (Exception e) {
      return u;
    }
  }
}
