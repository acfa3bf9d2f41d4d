package io.newsmon.ingestor;

import io.newsmon.common.record.RawArticle;
import java.time.Duration;

/**
 * Where articles come from. Live sources ({@link FeedSource}, {@link SitemapSource},
 * {@link PageSource}) are polled over HTTP and give what is new on each read; an
 * {@link io.newsmon.ingestor.archive.ArchiveSource} (JSONL, folders of .txt/.html, WARC) gives its
 * articles once. Every source turns bytes into articles through {@link RawArticles}, and what it reads
 * reaches {@code news.raw} through {@link RawPublisher}. A bad item never stops a read: it is handed
 * to {@link Receiver#failure} with the reason.
 */
public interface ArticleSource {

  /** The source id, or the archive's paths: for logs and failures. */
  String name();

  /** Reads what this source has now, handing every article, failure and skipped item to {@code out}. */
  Status read(Receiver out);

  /** Receives what a read finds, in order. */
  interface Receiver {

    /**
     * One article.
     *
     * @param where where it was read: a URL, a path, {@code path:line} or {@code path@offset}
     * @param label the article's own name: its JSON {@code id}, its file name, else its URL
     */
    void article(RawArticle article, String where, String label);

    /** One item that could not be read ({@code url} is where). */
    void failure(Failure failure);

    /** One input that holds no article (another file type, a non-HTML WARC record). */
    default void skipped(String where) {}
  }

  /**
   * What a read says about the source itself.
   *
   * @param failed the source as a whole could not be read (its listing failed); back off
   * @param retryAfter how long the source asked to be left alone, or null
   */
  record Status(boolean failed, Duration retryAfter) {
    public static final Status OK = new Status(false, null);
  }
}
