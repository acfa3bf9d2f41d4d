package io.newsmon.ingestor.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Chooses a page's headline from what it declares and what it shows. The declared titles (Open Graph,
 * the JSON-LD headline, Twitter, {@code <title>}) are often written for search engines and carry the
 * site's name; the headline a reader sees is the page's {@code <h1>}. The shown headline is taken when
 * it agrees with a declared one (at least half of its words are in one of them), which keeps out a
 * site logo in an {@code <h1>} (its words are the site name only) and an {@code <h1>} of some other box.
 * Otherwise the first declared title is taken, cut of a site-name part: a part after or before a
 * separator ({@code |}, {@code -}, {@code –}, {@code —}, {@code ::}, {@code »}, {@code ·}) that is the
 * declared site name or the host's name, or the shorter part when the other holds most of the words.
 */
final class Headline {

  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:\\||-|–|—|::|»|·|:)\\s+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private Headline() {}

  /**
   * The headline, or null when the page declares and shows none.
   *
   * @param declared declared titles, best first (nulls skipped)
   * @param siteName the declared site name ({@code og:site_name}), may be null
   */
  static String choose(Document doc, List<String> declared, String siteName) {
    String first = null;
    for (String d : declared) {
      if (d != null && !d.isBlank()) {
        first = d.strip();
        break;
      }
    }
    String shown = shownHeadline(doc, declared, siteName);
    if (shown != null) {
      return shown;
    }
    return first == null ? null : stripSiteName(first, siteName, doc.location());
  }

  private static String shownHeadline(Document doc, List<String> declared, String siteName) {
    Set<String> site = words(siteName);
    String best = null;
    double bestScore = 0;
    for (Element h : doc.getElementsByTag("h1")) {
      if (insideChrome(h)) {
        continue;
      }
      String text = h.text().strip();
      Set<String> w = words(text);
      if (w.isEmpty() || text.length() > 300 || !site.isEmpty() && site.containsAll(w)) {
        continue;
      }
      double score = 0;
      for (String d : declared) {
        Set<String> dw = words(d);
        if (dw.isEmpty()) {
          continue;
        }
        int common = 0;
        for (String x : w) {
          common += dw.contains(x) ? 1 : 0;
        }
        // share of the h1's words found in the declared title; a logo h1 whose words are only the
        // declared title's site-name part would score high here, so a second share, of the declared
        // title's words found in the h1, must pass too
        double share = (double) common / w.size();
        double back = (double) common / dw.size();
        if (back >= 0.3) {
          score = Math.max(score, share);
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = text;
      }
    }
    return bestScore >= 0.5 ? best : null;
  }

  private static boolean insideChrome(Element h) {
    for (Element p = h.parent(); p != null; p = p.parent()) {
      String n = p.normalName();
      if (n.equals("nav") || n.equals("footer") || n.equals("aside")) {
        return true;
      }
    }
    return false;
  }

  /** Removes a site-name part from a declared title. */
  static String stripSiteName(String title, String siteName, String location) {
    String[] parts = SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    Set<String> site = words(siteName);
    Set<String> host = words(host(location));
    String head = parts[0];
    String tail = parts[parts.length - 1];
    if (isSite(tail, site, host)) {
      return title.substring(0, title.lastIndexOf(tail)).replaceFirst(SEPARATOR.pattern() + "$", "").strip();
    }
    if (isSite(head, site, host)) {
      return title.substring(head.length()).replaceFirst("^" + SEPARATOR.pattern(), "").strip();
    }
    return title;
  }

  private static boolean isSite(String part, Set<String> site, Set<String> host) {
    Set<String> w = words(part);
    if (w.isEmpty()) {
      return false;
    }
    if (!site.isEmpty() && site.containsAll(w)) {
      return true;
    }
    String joined = String.join("", w);
    for (String h : host) {
      if (h.length() >= 4 && (h.equals(joined) || h.startsWith(joined) && joined.length() >= 4)) {
        return true;
      }
    }
    return false;
  }

  private static String host(String location) {
    if (location == null || location.isBlank()) {
      return null;
    }
    try {
      return java.net.URI.create(location.strip()).getHost();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    if (s == null) {
      return out;
    }
    var m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
