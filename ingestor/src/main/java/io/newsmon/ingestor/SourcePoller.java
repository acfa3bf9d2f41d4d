package io.newsmon.ingestor;

import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.feed.FeedItem;
import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchResult;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.state.InMemorySeenState;
import io.newsmon.ingestor.state.SeenState;
import java.util.ArrayList;
import java.util.List;

/**
 * One poll of one source, without Kafka: fetch the listing (conditionally), read its items, skip
 * those already seen, fetch and extract each new item's page, and return the articles and the
 * failures. A 304 answer yields nothing. Used by {@link IngestorService} and by the commands/tests.
 */
public final class SourcePoller {

  /** The articles of one poll and what failed. {@code listingFailed} means the source itself failed. */
  public record PollResult(List<RawArticle> articles, List<Failure> failures, boolean listingFailed,
      boolean notModified) {}

  private final HttpFetcher fetcher;
  private final SeenState state;
  private final RawArticles pages = new RawArticles();

  public SourcePoller(HttpFetcher fetcher, SeenState state) {
    this.fetcher = fetcher;
    this.state = state;
  }

  /** A poller with its own in-memory state. */
  public SourcePoller(HttpFetcher fetcher) {
    this(fetcher, new InMemorySeenState());
  }

  /** The new articles of one poll; failures are dropped (see {@link #poll} for them). */
  public List<RawArticle> pollOnce(Source source) {
    return poll(source).articles();
  }

  public PollResult poll(Source source) {
    return poll(source, PolledSource.of(source, this));
  }

  /** One poll of {@code source}, whose items {@code kind} lists. */
  PollResult poll(Source source, PolledSource kind) {
    List<Failure> failures = new ArrayList<>();
    List<FeedItem> items;
    FetchResult listing;
    try {
      listing = fetcher.fetch(source.url(), state.validators(source.url()));
      if (listing.notModified()) {
        return new PollResult(List.of(), List.of(), false, true);
      }
      items = kind.items(listing, fetcher, failures);
    } catch (FetchException e) {
      failures.add(new Failure(source.id(), source.url(), e.code(), e.getMessage(), e.body(), e.retryAfter()));
      return new PollResult(List.of(), failures, true, false);
    }
    List<RawArticle> out = new ArrayList<>();
    int taken = 0;
    for (FeedItem item : items) {
      if (taken >= source.maxItems()) {
        break;
      }
      if (item.url() == null) {
        continue;
      }
      String key = UrlCanonicalizer.canonical(item.url());
      if (state.isSeen(key)) {
        NewsmonMetrics.itemSkipped(source.id());
        continue;
      }
      taken++;
      RawArticle.Builder b = RawArticle.builder()
          .url(item.url()).canonicalUrl(key).sourceId(source.id()).feedUrl(source.url())
          .origin(source.origin()).title(item.title()).summary(item.summary()).author(item.author())
          .publishedAt(item.publishedAt())
          .languageHint(item.language() != null ? item.language() : source.language());
      if (source.fetchArticles()) {
        try {
          FetchResult page = fetcher.fetch(item.url());
          // keyed by the page's own canonical URL when it declares one, else by the item's link
          RawArticle a = pages.html(page.finalUrl(), page.body(), page.contentType(), page.fetchedAt(), key).build();
          String canonical = a.canonicalUrl();
          b.url(page.finalUrl()).canonicalUrl(canonical).text(a.text())
              .httpStatus(page.status()).contentType(page.contentType()).fetchedAt(page.fetchedAt());
          if (item.title() == null) {
            b.title(a.title());
          }
          if (item.author() == null) {
            b.author(a.author());
          }
          if (item.publishedAt() == null) {
            b.publishedAt(a.publishedAt());
          }
          if (a.languageHint() != null) {
            b.languageHint(a.languageHint());
          }
          if (!canonical.equals(key)) {
            state.markSeen(canonical);
          }
        } catch (FetchException e) {
          failures.add(new Failure(source.id(), item.url(), e.code(), e.getMessage(), e.body(), e.retryAfter()));
          if (e.code().equals("backing-off") || e.code().equals("http-429") || e.code().equals("http-503")) {
            continue; // try this item again on a later poll
          }
          b.text(item.summary()).fetchedAt(java.time.Instant.now());
        }
      } else {
        b.text(item.summary()).fetchedAt(listing.fetchedAt()).httpStatus(listing.status());
      }
      state.markSeen(key);
      out.add(b.build());
    }
    state.putValidators(source.url(), listing.validators());
    return new PollResult(out, failures, false, false);
  }
}
