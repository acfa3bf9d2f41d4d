package io.newsmon.ingestor.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Article links on a section page: the anchors matched by a CSS selector when the source gives one,
 * otherwise link discovery — same-site links whose path looks like an article (a date in the path,
 * a long slug, or a numeric id) and not like a section, tag, author or paging link.
 */
public final class PageLinks {

  private static final Pattern ARTICLE_PATH = Pattern.compile(
      "(?i)(/20\\d\\d/\\d{1,2}/)|(/20\\d\\d-\\d\\d-\\d\\d)|([\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+){3,})|(/\\d{5,})|(\\.html?$)");
  private static final Pattern NOT_ARTICLE = Pattern.compile(
      "(?i)/(tag|tags|category|categories|author|authors|page|search|login|subscribe|contact|about|"
          + "privacy|terms|rss|feed|video|videos|gallery|live)(/|$)");

  public List<FeedItem> links(String html, String pageUrl, String selector, int max) {
    Document doc = Jsoup.parse(html, pageUrl);
    String host = hostOf(pageUrl);
    Set<String> seen = new LinkedHashSet<>();
    List<FeedItem> out = new ArrayList<>();
    List<Element> anchors;
    if (selector != null && !selector.isBlank()) {
      anchors = new ArrayList<>();
      for (Element e : doc.select(selector)) {
        anchors.add(e.normalName().equals("a") ? e : e.selectFirst("a[href]"));
      }
    } else {
      anchors = doc.select("a[href]");
    }
    for (Element a : anchors) {
      if (a == null) {
        continue;
      }
      String url = a.absUrl("href");
      int hash = url.indexOf('#');
      if (hash >= 0) {
        url = url.substring(0, hash);
      }
      if (url.isEmpty() || !url.startsWith("http") || !seen.add(url)) {
        continue;
      }
      if (selector == null || selector.isBlank()) {
        if (!host.equals(hostOf(url)) || !looksLikeArticle(url)) {
          continue;
        }
      }
      String title = a.text().strip();
      out.add(new FeedItem(url, null, title.isEmpty() ? null : title, null, null, null, null));
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  static boolean looksLikeArticle(String url) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (RuntimeException e) {
      return false;
    }
    if (path == null || path.length() < 8 || NOT_ARTICLE.matcher(path).find()) {
      return false;
    }
    return ARTICLE_PATH.matcher(path).find();
  }

  private static String hostOf(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (RuntimeException e) {
      return "";
    }
  }
}
