package io.newsmon.ingestor.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes the article out of a page: title, body text without site chrome, author, publication date,
 * language hint and canonical URL. Thread-safe and stateless.
 *
 * <p>The body combines two signals: the DOM content that Readability4J picks (then cleaned of share
 * bars, captions, "related" boxes and similar chrome), and schema.org JSON-LD {@code articleBody},
 * which publishers write for search engines and which survives where the DOM shows only a teaser;
 * it wins when the DOM text is clearly shorter (see {@link #choose}). A third signal, the element
 * with the densest paragraph text, replaces Readability's pick when that pick is a heading or teaser. Scripts, styles and event
 * handlers never reach the text: only text nodes outside non-content elements are read.
 */
public class ArticleExtractor {

  /** How the body is chosen; {@link #COMBINED} is the default, the others exist for the benchmark. */
  public enum Strategy {
    /** JSON-LD articleBody or cleaned Readability DOM text or the densest paragraph cluster (default). */
    COMBINED,
    /** Cleaned Readability DOM text, with the paragraph-cluster second opinion; no JSON-LD. */
    READABILITY,
    /** JSON-LD articleBody whenever present, else as {@link #READABILITY}. */
    JSON_LD_THEN_READABILITY,
    /** Readability4J's own text content, untouched: the baseline. */
    READABILITY4J_ONLY
  }

  private static final Pattern CHROME = Pattern.compile(
      "(?i)(^|[\\s_-])(share|sharing|social|related|recommend|newsletter|subscribe|subscription|promo|"
          + "advert|advertisement|ads?|sponsor|outbrain|taboola|breadcrumbs?|tags?|tag-list|comments?|"
          + "signup|sign-up|paywall|popup|modal|toolbar|print|read-more|more-stories|author-bio|"
          + "inline-related|rel-links|most-popular|trending|caption|credit|wp-caption-text|dont-miss|also-read|read-also)($|[\\s_-])");

  private final Strategy strategy;

  public ArticleExtractor() {
    this(Strategy.COMBINED);
  }

  public ArticleExtractor(Strategy strategy) {
    this.strategy = strategy;
  }

  /** Extracts from already-decoded HTML; {@code baseUrl} resolves relative links (may be null). */
  public ExtractedArticle extract(String html, String baseUrl) {
    Document doc = Jsoup.parse(html == null ? "" : html, baseUrl == null ? "" : baseUrl);
    if (DomBounds.depth(doc) > DomBounds.MAX_DEPTH) {
      DomBounds.flattenBelow(doc, DomBounds.MAX_DEPTH); // our own parse: flatten in place, no copy
    }
    return extractBounded(doc, baseUrl);
  }

  /** Extracts from a parsed document; the document is not modified. */
  public ExtractedArticle extract(Document page, String baseUrl) {
    return extractBounded(DomBounds.bounded(page), baseUrl);
  }

  private ExtractedArticle extractBounded(Document doc, String baseUrl) {
    PageMetadata meta = PageMetadata.of(doc);
    boolean large = doc.getAllElements().size() > DomBounds.MAX_ELEMENTS;
    if (strategy == Strategy.READABILITY4J_ONLY) {
      String raw;
      try {
        raw = large ? "" : new Readability4JExtended(readabilityBase(baseUrl), doc.clone()).parse().getTextContent();
      } catch (RuntimeException | StackOverflowError e) {
        raw = "";
      }
      return new ExtractedArticle(meta.title(), raw == null ? "" : raw, meta.author(), meta.publishedAt(),
          normaliseLanguage(meta.language()), meta.canonicalUrl(), "");
    }
    Document work = doc.clone();
    work.select("script, style, noscript, template, iframe, object, embed, svg").remove();
    String comments = Boilerplate.detach(work);
    String title = PageMetadata.firstNonBlank(PageMetadata.meta(doc, "og:title"), doc.title());
    // Readability's scoring is superlinear in the element count: a page beyond the budget (a generated
    // one; real pages stay far below) gets the linear paragraph-cluster pass only
    String domText = large ? null : readabilityText(work.clone(), baseUrl, title);
    if (domText != null) {
      String wide = BodyGrowth.widen(work, domText);
      if (wide != null) {
        domText = trimLead(wide, title); // a body of several blocks: Readability kept only some of them
      }
    }
    String dense = densestParagraphs(work);
    if (dense != null && (domText == null || domText.length() < 0.3 * dense.length())) {
      domText = dense; // Readability picked a heading or a teaser: the paragraph cluster is the article
    }
    // several candidates on the page (a sidebar block, an index around the article): the headline and
    // the declared summary say which one is the article
    MainCandidate.Result main = MainCandidate.choose(work, domText,
        java.util.Arrays.asList(meta.title(), title, doc.title()),
        java.util.Arrays.asList(meta.jsonLdBody()));
    if (main.choice() != MainCandidate.Choice.KEPT && main.text() != null && !main.text().isBlank()) {
      domText = trimLead(main.text(), meta.title());
    }
    String body = switch (strategy) {
      case READABILITY -> domText;
      case JSON_LD_THEN_READABILITY -> meta.jsonLdBody() != null ? meta.jsonLdBody() : domText;
      case COMBINED, READABILITY4J_ONLY -> choose(meta.jsonLdBody(), domText);
    };
    if (body == null || body.isBlank()) {
      body = paragraphFallback(work.clone()); // a copy: the rescue below still needs the whole page
    }
    // a brief or a notice in bare text and line breaks: nothing above found paragraphs to score
    String rescued = DensestBlock.rescue(work, body);
    if (rescued != null) {
      body = rescued;
    }
    return new ExtractedArticle(meta.title(), body == null ? "" : body, meta.author(), meta.publishedAt(),
        normaliseLanguage(meta.language()), meta.canonicalUrl(), comments);
  }

  /**
   * JSON-LD body versus DOM text: the JSON-LD body is taken when the DOM text is a teaser (under 300
   * characters) or clearly shorter than the JSON-LD body (by more than 30%).
   */
  static String choose(String ld, String dom) {
    if (ld == null || ld.isBlank()) {
      return dom;
    }
    if (dom == null || dom.isBlank()) {
      return ld;
    }
    // The DOM text is usually the better copy (JSON-LD bodies often run paragraphs together or carry
    // extra notes); JSON-LD wins where the DOM clearly missed the article: much shorter than it.
    if (dom.length() < 300 && ld.length() >= 300 || ld.length() > 1.3 * dom.length()) {
      return ld;
    }
    return dom;
  }

  /** Readability4J needs an absolute base URL to resolve links; pages read from files have none. */
  private static String readabilityBase(String baseUrl) {
    return baseUrl != null && baseUrl.startsWith("http") ? baseUrl : "https://localhost/";
  }

  private static String readabilityText(Document copy, String baseUrl, String title) {
    try {
      Article a = new Readability4JExtended(readabilityBase(baseUrl), copy).parse();
      Element content = a.getArticleContent();
      if (content == null) {
        return null;
      }
      removeChrome(content);
      String t = trimLead(TextBlocks.text(content), title);
      return t.isBlank() ? null : t;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * Drops the headline, dateline and byline blocks that open the DOM text: leading blocks of fewer
   * than 10 words before the first real paragraph (12+ words), at most 4 of them, and a leading block
   * equal to the page title.
   */
  static String trimLead(String text, String title) {
    String[] blocks = text.split("\n\n");
    int firstReal = -1;
    for (int i = 0; i < blocks.length && i <= 4; i++) {
      if (words(blocks[i]) >= 12) {
        firstReal = i;
        break;
      }
    }
    int start = 0;
    if (firstReal > 0) {
      boolean allShort = true;
      for (int i = 0; i < firstReal; i++) {
        allShort &= sameText(blocks[i], title) || words(blocks[i]) < 10 && blocks[i].matches("(?s).*\\d.*");
      }
      if (allShort) {
        start = firstReal;
      }
    } else if (blocks.length > 1 && title != null && sameText(blocks[0], title)) {
      start = 1;
    }
    return start == 0 ? text : String.join("\n\n", java.util.Arrays.copyOfRange(blocks, start, blocks.length));
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static boolean sameText(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = a.replaceAll("\\W+", " ").strip().toLowerCase(Locale.ROOT);
    String y = b.replaceAll("\\W+", " ").strip().toLowerCase(Locale.ROOT);
    return !x.isEmpty() && (y.startsWith(x) || x.startsWith(y));
  }

  /** Removes captions, share bars, related-link boxes and link lists from the chosen content. */
  static void removeChrome(Element content) {
    content.select("figcaption, figure, nav, aside, form, button, [aria-hidden=true], [hidden]").remove();
    for (Element e : content.select("[class], [id]")) {
      if (e == content || e.parent() == null) {
        continue;
      }
      String names = e.className() + " " + e.id();
      if (CHROME.matcher(names).find() && e.text().length() < 600) {
        e.remove();
      }
    }
    for (Element list : content.select("ul, ol")) {
      String text = list.text();
      int linkText = list.select("a").text().length();
      if (!text.isEmpty() && linkText > 0.8 * text.length()) {
        list.remove();
      }
    }
    Set<Element> dropped = new HashSet<>();
    for (Element p : content.select("p, div")) {
      String text = p.text().strip();
      if (text.isEmpty() || dropped.contains(p)) {
        continue;
      }
      int linkText = p.select("a").text().length();
      if (text.length() < 120 && linkText > 0.7 * text.length()) {
        p.remove();
        dropped.add(p);
      }
    }
  }

  /**
   * The element holding the most paragraph text directly (its own {@code <p>} children count fully,
   * grandchildren half), cleaned of chrome: a second opinion when Readability picks too little.
   */
  static String densestParagraphs(Document doc) {
    Document copy = doc.clone();
    copy.select("nav, footer, aside").remove();
    java.util.Map<Element, Double> score = new java.util.IdentityHashMap<>();
    for (Element p : copy.select("p")) {
      int len = p.text().length();
      if (len < 25) {
        continue;
      }
      Element parent = p.parent();
      if (parent != null) {
        score.merge(parent, (double) len, Double::sum);
        if (parent.parent() != null) {
          score.merge(parent.parent(), len / 2.0, Double::sum);
        }
      }
    }
    Element best = null;
    double bestScore = 0;
    for (var e : score.entrySet()) {
      if (e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    if (best == null || bestScore < 200) {
      return null;
    }
    removeChrome(best);
    String t = TextBlocks.text(best);
    return t.isBlank() ? null : t;
  }

  /** When nothing else worked: the page's paragraphs of some length, in order. */
  private static String paragraphFallback(Document copy) {
    copy.select("nav, header, footer, aside, form").remove();
    Element root = copy.selectFirst("article");
    if (root == null) {
      root = copy.body();
    }
    if (root == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (Element p : root.select("p, h2, h3, li")) {
      String t = p.text().strip();
      if (t.length() >= 30 || p.normalName().equals("p") && !t.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(t);
      }
    }
    return text.toString();
  }

  /** {@code en-US} → {@code en-us}, {@code fr_FR} → {@code fr-fr}; blank → null. */
  static String normaliseLanguage(String lang) {
    if (lang == null || lang.isBlank()) {
      return null;
    }
    String l = lang.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    return l.length() > 35 ? l.substring(0, 35) : l;
  }
}
