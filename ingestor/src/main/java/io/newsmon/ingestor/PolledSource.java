package io.newsmon.ingestor;

import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.feed.FeedItem;
import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchResult;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import java.util.List;

/**
 * A configured live source, polled through a {@link SourcePoller}: fetch its listing, list its
 * items (how depends on the kind), fetch and extract each new item's page. One subclass per kind.
 */
public abstract sealed class PolledSource implements ArticleSource permits FeedSource, SitemapSource, PageSource {

  private final Source source;
  private final SourcePoller poller;

  PolledSource(Source source, SourcePoller poller) {
    this.source = source;
    this.poller = poller;
  }

  /** The live source of {@code source}'s kind (feed, sitemap or page). */
  public static PolledSource of(Source source, SourcePoller poller) {
    return switch (source.kind()) {
      case "feed" -> new FeedSource(source, poller);
      case "sitemap" -> new SitemapSource(source, poller);
      default -> new PageSource(source, poller);
    };
  }

  public Source source() {
    return source;
  }

  @Override
  public String name() {
    return source.id();
  }

  /** One poll: new articles, then failures; a failed listing is a failed read. */
  @Override
  public Status read(Receiver out) {
    SourcePoller.PollResult r = poller.poll(source, this);
    for (RawArticle a : r.articles()) {
      out.article(a, a.url(), a.url());
    }
    for (Failure f : r.failures()) {
      out.failure(f);
    }
    if (!r.listingFailed()) {
      return Status.OK;
    }
    return new Status(true, r.failures().isEmpty() ? null : r.failures().get(0).retryAfter());
  }

  /** The items of this source's fetched listing; failures of secondary fetches go to {@code failures}. */
  abstract List<FeedItem> items(FetchResult listing, HttpFetcher fetcher, List<Failure> failures)
      throws FetchException;
}
