package io.newsmon.ingestor.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The metadata a page declares about itself: schema.org JSON-LD (headline, articleBody, author,
 * datePublished, inLanguage, url), Open Graph / article / Dublin Core / Twitter meta tags,
 * {@code <link rel=canonical>}, {@code <html lang>}. Read from the document before anything is
 * removed from it. Pure: {@link #of(Document)} never throws on malformed JSON-LD (it is skipped).
 */
public record PageMetadata(
    String title,
    String jsonLdBody,
    String author,
    Instant publishedAt,
    String language,
    String canonicalUrl) {

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
      "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
      "reviewnewsarticle", "scholarlyarticle", "techarticle", "liveblogposting", "socialmediaposting",
      "report", "webpage", "posting");

  public static PageMetadata of(Document doc) {
    java.util.Map<String, String> metas = metas(doc);
    java.util.function.Function<String, String> meta = k -> metas.get(k.toLowerCase(Locale.ROOT));
    List<JsonNode> articles = new ArrayList<>();
    for (Element s : doc.select("script[type~=(?i)application/ld\\+json]")) {
      try {
        JsonNode n = LENIENT.readTree(s.data().strip());
        collectArticles(n, articles, 0);
      } catch (Exception ignored) {
        // malformed JSON-LD is common; skip it
      }
    }
    JsonNode best = null;
    for (JsonNode a : articles) {
      if (best == null || rank(a) > rank(best)) {
        best = a;
      }
    }
    String ldTitle = best == null ? null : text(best.get("headline"));
    if (ldTitle == null && best != null) {
      ldTitle = text(best.get("name"));
    }
    String ldBody = null;
    for (JsonNode a : articles) {
      String b = text(a.get("articleBody"));
      if (b == null) {
        b = text(a.get("text"));
      }
      if (b != null && (ldBody == null || b.length() > ldBody.length())) {
        ldBody = b;
      }
    }
    if (ldBody != null) {
      ldBody = cleanLdText(ldBody);
    }
    String ldAuthor = best == null ? null : authorOf(best.get("author"));
    Instant ldDate = best == null ? null : Dates.parse(text(best.get("datePublished")));
    if (ldDate == null && best != null) {
      ldDate = Dates.parse(text(best.get("dateCreated")));
    }
    String ldLang = best == null ? null : text(best.get("inLanguage"));

    String title = Headline.choose(doc, java.util.Arrays.asList(meta.apply("og:title"), ldTitle,
        meta.apply("twitter:title"), doc.title()), meta.apply("og:site_name"));
    if (title == null) {
      title = h1(doc);
    }
    String author = firstNonBlank(ldAuthor, meta.apply("author"), meta.apply("article:author"),
        meta.apply("dc.creator"), meta.apply("byl"), meta.apply("sailthru.author"),
        doc.select("[rel=author], [itemprop=author] [itemprop=name], .byline .author, .author-name").text());
    if (author != null && author.startsWith("http")) {
      author = null; // article:author is often a profile URL
    }
    Instant published = ldDate;
    for (String key : List.of("article:published_time", "og:published_time", "datePublished",
        "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "publish-date", "article.published")) {
      if (published == null) {
        published = Dates.parse(meta.apply(key));
      }
    }
    Element html = doc.selectFirst("html");
    String lang = firstNonBlank(html == null ? null : html.attr("lang"),
        html == null ? null : html.attr("xml:lang"),
        doc.select("meta[http-equiv~=(?i)content-language]").attr("content"),
        meta.apply("language"), meta.apply("dc.language"), ldLang, meta.apply("og:locale"));
    if (published == null) {
      Element t = doc.selectFirst("[itemprop=datePublished][content], [itemprop=datePublished][datetime], time[datetime][pubdate], article time[datetime], time[datetime]");
      if (t != null) {
        published = Dates.parse(t.hasAttr("content") ? t.attr("content") : t.attr("datetime"));
      }
    }
    if (published == null) {
      published = ShownDate.find(doc, lang); // a day printed in a dateline, declared nowhere in markup
    }
    Element canonical = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    String canon = canonical == null ? null : canonical.absUrl("href");
    if (canon == null || canon.isBlank()) {
      String og = meta.apply("og:url");
      canon = og == null ? null : resolve(doc, og);
    }
    return new PageMetadata(clean(title), ldBody, clean(author), published, clean(lang),
        canon == null || canon.isBlank() ? null : canon);
  }

  private static int rank(JsonNode n) {
    int r = 0;
    String type = typeOf(n);
    if (type.contains("newsarticle") || type.contains("article") || type.contains("posting")) {
      r += 4;
    }
    if (n.has("articleBody")) {
      r += 2;
    }
    if (n.has("headline")) {
      r += 1;
    }
    return r;
  }

  private static String typeOf(JsonNode n) {
    JsonNode t = n.get("@type");
    if (t == null) {
      return "";
    }
    if (t.isArray()) {
      StringBuilder sb = new StringBuilder();
      t.forEach(x -> sb.append(x.asText().toLowerCase(Locale.ROOT)).append(' '));
      return sb.toString();
    }
    return t.asText().toLowerCase(Locale.ROOT);
  }

  private static void collectArticles(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 6) {
      return;
    }
    if (n.isArray()) {
      n.forEach(x -> collectArticles(x, out, depth + 1));
      return;
    }
    if (!n.isObject()) {
      return;
    }
    String type = typeOf(n);
    boolean isArticle = n.has("articleBody");
    for (String t : type.split(" ")) {
      isArticle |= ARTICLE_TYPES.contains(t);
    }
    if (isArticle) {
      out.add(n);
    }
    collectArticles(n.get("@graph"), out, depth + 1);
    collectArticles(n.get("mainEntity"), out, depth + 1);
  }

  private static String authorOf(JsonNode a) {
    if (a == null) {
      return null;
    }
    if (a.isTextual()) {
      return a.asText();
    }
    if (a.isArray()) {
      List<String> names = new ArrayList<>();
      a.forEach(x -> {
        String n = authorOf(x);
        if (n != null && !n.isBlank()) {
          names.add(n);
        }
      });
      return names.isEmpty() ? null : String.join(", ", names);
    }
    return text(a.get("name"));
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return text(n.get("@value"));
    }
    String s = n.asText();
    return s.isBlank() ? null : s;
  }

  /** JSON-LD bodies sometimes carry entities or markup: decode them to plain text, keep paragraphs. */
  static String cleanLdText(String s) {
    String t = s;
    if (t.contains("<") && t.contains(">")) {
      t = TextBlocks.text(Jsoup.parseBodyFragment(t).body());
    } else if (t.contains("&")) {
      t = Parser.unescapeEntities(t, false);
    }
    t = t.replace("\r\n", "\n").replaceAll("[ \\t\\u00a0]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
    return t.isEmpty() ? null : t;
  }

  static String meta(Document doc, String key) {
    return metas(doc).get(key.toLowerCase(Locale.ROOT));
  }

  /** The first non-blank value of each meta tag, keyed by its lower-cased property, name or itemprop. */
  private static java.util.Map<String, String> metas(Document doc) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      String k = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
      String v = m.attr("content").strip();
      if (!k.isEmpty() && !v.isEmpty()) {
        out.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
      }
    }
    return out;
  }

  private static String h1(Document doc) {
    Element h = doc.selectFirst("article h1, h1");
    return h == null ? null : h.text();
  }

  private static String resolve(Document doc, String href) {
    try {
      if (doc.location() == null || doc.location().isBlank()) {
        return href;
      }
      return java.net.URI.create(doc.location()).resolve(href.strip()).toString();
    } catch (RuntimeException e) {
      return href;
    }
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }
}
