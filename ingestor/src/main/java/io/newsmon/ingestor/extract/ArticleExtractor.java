package io.newsmon.ingestor.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes the article out of a page: title, body text without site chrome, author, publication date,
 * language hint and canonical URL. Thread-safe and stateless.
 */
public class ArticleExtractor {

  /** Extracts from already-decoded HTML; {@code baseUrl} resolves relative links (may be null). */
  public ExtractedArticle extract(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    doc.select("script, style, noscript, nav, header, footer, aside, form, iframe").remove();
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.body();
    }
    StringBuilder text = new StringBuilder();
    for (Element p : root.select("p, h2, h3, li")) {
      String t = p.text().strip();
      if (!t.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(t);
      }
    }
    Element canonical = doc.selectFirst("link[rel=canonical]");
    String lang = doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang");
    return new ExtractedArticle(doc.title().isBlank() ? null : doc.title(), text.toString(), null, null,
        lang == null || lang.isBlank() ? null : lang, canonical == null ? null : canonical.absUrl("href"));
  }
}
