package io.newsmon.ingestor;

import io.newsmon.ingestor.feed.FeedItem;
import io.newsmon.ingestor.feed.FeedParser;
import io.newsmon.ingestor.fetch.FetchException;
import io.newsmon.ingestor.fetch.FetchResult;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import java.util.List;

/** A polled RSS, Atom, RDF or JSON feed: its items are the feed's entries. */
public final class FeedSource extends PolledSource {

  private final FeedParser feeds = new FeedParser();

  FeedSource(Source source, SourcePoller poller) {
    super(source, poller);
  }

  @Override
  List<FeedItem> items(FetchResult listing, HttpFetcher fetcher, List<Failure> failures) throws FetchException {
    return feeds.parse(listing.body(), listing.contentType(), listing.finalUrl()).items();
  }
}
