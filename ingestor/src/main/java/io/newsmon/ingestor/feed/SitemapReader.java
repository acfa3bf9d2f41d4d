package io.newsmon.ingestor.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsmon.ingestor.fetch.FetchException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads XML sitemaps with crawler-commons: Google News sitemaps (the news: namespace gives title,
 * publication date and language) and ordinary sitemaps (lastmod as the date); a sitemap index gives
 * the child sitemaps to read next. DOCTYPEs are refused by crawler-commons' parser.
 */
public final class SitemapReader {

  /** The article entries, and for an index the child sitemap URLs. */
  public record Result(List<FeedItem> items, List<String> childSitemaps) {}

  public Result read(byte[] bytes, String contentType, String url) throws FetchException {
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    try {
      AbstractSiteMap sm = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, bytes, new URL(url));
      List<FeedItem> items = new ArrayList<>();
      List<String> children = new ArrayList<>();
      if (sm instanceof SiteMapIndex idx) {
        for (AbstractSiteMap child : idx.getSitemaps()) {
          children.add(child.getUrl().toString());
        }
      } else if (sm instanceof SiteMap map) {
        for (SiteMapURL u : map.getSiteMapUrls()) {
          String title = null;
          java.time.Instant date = u.getLastModified() == null ? null : u.getLastModified().toInstant();
          String lang = null;
          ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
          if (news != null) {
            for (ExtensionMetadata m : news) {
              if (m instanceof NewsAttributes n) {
                title = n.getTitle();
                if (n.getPublicationDate() != null) {
                  date = n.getPublicationDate().toInstant();
                }
                lang = n.getLanguage();
              }
            }
          }
          items.add(new FeedItem(u.getUrl().toString(), null, Html.toText(title), null, null, date, lang));
        }
      }
      return new Result(items, children);
    } catch (Exception e) {
      throw new FetchException("parse", "not a readable sitemap: " + e.getMessage());
    }
  }
}
