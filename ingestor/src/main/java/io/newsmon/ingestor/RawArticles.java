package io.newsmon.ingestor;

import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.extract.ArticleExtractor;
import io.newsmon.ingestor.extract.ExtractedArticle;
import io.newsmon.ingestor.fetch.Charsets;
import java.time.Instant;

/**
 * The one path from an article's bytes to a {@link RawArticle}, used by live ingest, replay and
 * {@code newsmon analyze}: the charset by {@link Charsets} (byte-order mark, declared charset,
 * detection), HTML through {@link ArticleExtractor}, every URL key through {@link UrlCanonicalizer},
 * and the record time by {@link RawArticle#eventTime()} ({@link #timestamp}). Pure apart from the
 * extractor; thread-safe.
 */
public final class RawArticles {

  /** Longest first line of a text file that is taken as its title. */
  public static final int MAX_TITLE_CHARS = 200;

  private final ArticleExtractor extractor;

  public RawArticles(ArticleExtractor extractor) {
    this.extractor = extractor;
  }

  public RawArticles() {
    this(new ArticleExtractor());
  }

  /**
   * An HTML page's article: url, canonicalUrl (the page's declared canonical URL normalised, else
   * the normalised {@code url}), title, text, author, publication time, language hint, content type
   * and fetch time.
   *
   * @param contentType the HTTP Content-Type, or null (the charset is then taken from the page)
   * @param fetchedAt when the page was fetched, if known
   */
  public RawArticle.Builder html(String url, byte[] body, String contentType, Instant fetchedAt) {
    return html(url, body, contentType, fetchedAt, null);
  }

  /**
   * As {@link #html(String, byte[], String, Instant)}, with {@code keyWithoutCanonical} as the
   * canonical URL when the page declares none (live ingest: the feed's link, before redirects); null
   * means the normalised {@code url}.
   */
  public RawArticle.Builder html(String url, byte[] body, String contentType, Instant fetchedAt,
      String keyWithoutCanonical) {
    ExtractedArticle e = extractor.extract(Charsets.decode(body, contentType), url);
    String canonical = e.canonicalUrl() != null || keyWithoutCanonical == null
        ? key(url, e.canonicalUrl()) : keyWithoutCanonical;
    return RawArticle.builder().url(url).canonicalUrl(canonical)
        .title(e.title()).text(e.text() == null ? "" : e.text()).author(e.author())
        .publishedAt(e.publishedAt()).languageHint(e.languageHint())
        .contentType(contentType != null ? contentType : "text/html").fetchedAt(fetchedAt);
  }

  /**
   * A plain-text article. Its first line is its title when that line is short (at most
   * {@value #MAX_TITLE_CHARS} characters) and more text follows; otherwise the whole text is the
   * body and there is no title.
   *
   * @throws IllegalArgumentException when there is no text
   */
  public static RawArticle.Builder text(String url, byte[] body, String contentType, Instant fetchedAt) {
    String s = Charsets.decode(body, contentType).replace("\r\n", "\n").strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty file");
    }
    String title = null;
    String text = s;
    int nl = s.indexOf('\n');
    if (nl > 0 && nl <= MAX_TITLE_CHARS && !s.substring(nl).isBlank()) {
      title = s.substring(0, nl).strip();
      text = s.substring(nl + 1).strip();
    }
    return RawArticle.builder().url(url).canonicalUrl(key(url, null)).title(title).text(text)
        .contentType(contentType != null ? contentType : "text/plain").fetchedAt(fetchedAt);
  }

  /**
   * The key of an article found at {@code url}: its declared canonical URL when it has one, else
   * {@code url}, normalised by {@link UrlCanonicalizer}.
   */
  public static String key(String url, String declaredCanonical) {
    return UrlCanonicalizer.canonical(declaredCanonical != null && !declaredCanonical.isBlank()
        ? declaredCanonical : url);
  }

  /**
   * The record timestamp of an article on {@code news.raw}: its {@link RawArticle#eventTime()}
   * (publication time, else fetch time); {@code now} when it has none or when that time is before
   * 1970 or in the future.
   */
  public static long timestamp(RawArticle article, long now) {
    Instant t = article.eventTime();
    if (t == null || t.isBefore(Instant.EPOCH) || t.isAfter(Instant.ofEpochMilli(now))) {
      return now;
    }
    return t.toEpochMilli();
  }
}
