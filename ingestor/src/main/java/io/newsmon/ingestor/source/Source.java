package io.newsmon.ingestor.source;

import java.time.Duration;

/**
 * One configured source.
 *
 * @param id unique id, used in records and dead letters
 * @param kind {@code feed} (RSS/Atom/RDF/JSON Feed), {@code sitemap} (news or ordinary sitemap) or
 *     {@code page} (a section page whose article links are followed)
 * @param url where the listing is fetched
 * @param language expected language (ISO 639-1), a hint only; may be null
 * @param country country code of the outlet; may be null
 * @param interval poll interval; null means {@code ingestor.poll-interval}
 * @param selector for {@code page}: CSS selector of article links; null means link discovery
 * @param fetchArticles whether each new item's page is fetched and extracted (default true)
 * @param maxItems most items taken per poll (default 50)
 */
public record Source(String id, String kind, String url, String language, String country,
    Duration interval, String selector, boolean fetchArticles, int maxItems) {

  public static final int DEFAULT_MAX_ITEMS = 50;

  public Source {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a source has no id");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("source '" + id + "' has no url");
    }
    if (!kind.equals("feed") && !kind.equals("sitemap") && !kind.equals("page")) {
      throw new IllegalArgumentException("source '" + id + "' has kind '" + kind
          + "'; use feed, sitemap or page");
    }
  }

  public static Source feed(String id, String url) {
    return new Source(id, "feed", url, null, null, null, null, true, DEFAULT_MAX_ITEMS);
  }

  /** This source's origin value on {@code RawArticle}: feed, sitemap or page. */
  public String origin() {
    return kind;
  }
}
