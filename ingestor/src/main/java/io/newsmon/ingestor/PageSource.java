package io.newsmon.ingestor;

import io.newsmon.ingestor.feed.FeedItem;
import io.newsmon.ingestor.feed.PageLinks;
import io.newsmon.ingestor.fetch.FetchResult;
import io.newsmon.ingestor.fetch.HttpFetcher;
import io.newsmon.ingestor.source.Source;
import java.util.List;

/** A polled section page: its items are the article links it shows (its selector's, or discovered). */
public final class PageSource extends PolledSource {

  private final PageLinks pages = new PageLinks();

  PageSource(Source source, SourcePoller poller) {
    super(source, poller);
  }

  @Override
  List<FeedItem> items(FetchResult listing, HttpFetcher fetcher, List<Failure> failures) {
    return pages.links(listing.text(), listing.finalUrl(), source().selector(), source().maxItems());
  }
}
