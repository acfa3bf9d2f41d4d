package io.newsmon.common.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What the ingestor saw of one article: the value of {@code news.raw}, keyed by canonical URL.
 *
 * <p>{@code text} is the extracted article body (site chrome removed). {@code languageHint} is the
 * page's {@code <html lang>} or the feed's language: evidence for the processor, not the truth.
 * {@code origin} says how the article arrived: {@code feed}, {@code page}, {@code sitemap} or
 * {@code replay}. Fields other than {@code url} may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawArticle(
    int schemaVersion,
    String url,
    String canonicalUrl,
    String sourceId,
    String feedUrl,
    String origin,
    String title,
    String summary,
    String text,
    String languageHint,
    String author,
    Instant publishedAt,
    Instant fetchedAt,
    Integer httpStatus,
    String contentType) {

  public static final int SCHEMA_VERSION = 1;

  /** The key this article is published under: the canonical URL, or the URL when there is none. */
  public String key() {
    return canonicalUrl != null && !canonicalUrl.isBlank() ? canonicalUrl : url;
  }

  /**
   * When the article happened as far as newsmon can tell: its publication time, else its fetch
   * time, else null. Dedup, stories and the reorder buffer all order articles by it.
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public Instant eventTime() {
    return publishedAt != null ? publishedAt : fetchedAt;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .url(url).canonicalUrl(canonicalUrl).sourceId(sourceId).feedUrl(feedUrl).origin(origin)
        .title(title).summary(summary).text(text).languageHint(languageHint).author(author)
        .publishedAt(publishedAt).fetchedAt(fetchedAt).httpStatus(httpStatus).contentType(contentType);
  }

  /** Builder for the many optional fields; {@code schemaVersion} is always the current one. */
  public static final class Builder {
    private String url;
    private String canonicalUrl;
    private String sourceId;
    private String feedUrl;
    private String origin;
    private String title;
    private String summary;
    private String text;
    private String languageHint;
    private String author;
    private Instant publishedAt;
    private Instant fetchedAt;
    private Integer httpStatus;
    private String contentType;

    public Builder url(String v) { url = v; return this; }
    public Builder canonicalUrl(String v) { canonicalUrl = v; return this; }
    public Builder sourceId(String v) { sourceId = v; return this; }
    public Builder feedUrl(String v) { feedUrl = v; return this; }
    public Builder origin(String v) { origin = v; return this; }
    public Builder title(String v) { title = v; return this; }
    public Builder summary(String v) { summary = v; return this; }
    public Builder text(String v) { text = v; return this; }
    public Builder languageHint(String v) { languageHint = v; return this; }
    public Builder author(String v) { author = v; return this; }
    public Builder publishedAt(Instant v) { publishedAt = v; return this; }
    public Builder fetchedAt(Instant v) { fetchedAt = v; return this; }
    public Builder httpStatus(Integer v) { httpStatus = v; return this; }
    public Builder contentType(String v) { contentType = v; return this; }

    public RawArticle build() {
      return new RawArticle(SCHEMA_VERSION, url, canonicalUrl, sourceId, feedUrl, origin, title,
          summary, text, languageHint, author, publishedAt, fetchedAt, httpStatus, contentType);
    }
  }
}
