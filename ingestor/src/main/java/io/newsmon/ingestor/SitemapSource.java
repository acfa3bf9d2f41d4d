package io.newsmon.ingestor;

import io.newsmon.ingestor.feed.FeedItem;
import io.newsmon.ingestor.feed.SitemapReader;
import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchResult;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * A polled news or ordinary sitemap: its items are its URLs, and those of the first
 * {@value #MAX_CHILD_SITEMAPS} sitemaps a sitemap index names.
 */
public final class SitemapSource extends PolledSource {

  static final int MAX_CHILD_SITEMAPS = 5;

  private final SitemapReader sitemaps = new SitemapReader();

  SitemapSource(Source source, SourcePoller poller) {
    super(source, poller);
  }

  @Override
  List<FeedItem> items(FetchResult listing, HttpFetcher fetcher, List<Failure> failures) throws FetchException {
    SitemapReader.Result r = sitemaps.read(listing.body(), listing.contentType(), listing.finalUrl());
    List<FeedItem> all = new ArrayList<>(r.items());
    for (String child : r.childSitemaps().subList(0, Math.min(MAX_CHILD_SITEMAPS, r.childSitemaps().size()))) {
      try {
        FetchResult c = fetcher.fetch(child);
        all.addAll(sitemaps.read(c.body(), c.contentType(), c.finalUrl()).items());
      } catch (FetchException e) {
        failures.add(new Failure(source().id(), child, e.code(), e.getMessage(), e.body(), e.retryAfter()));
      }
    }
    return all;
  }
}
