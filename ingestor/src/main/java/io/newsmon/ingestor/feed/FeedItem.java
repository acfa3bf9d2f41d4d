package io.newsmon.ingestor.feed;

import java.time.Instant;

/**
 * One entry of a feed, sitemap or section page: where the article is and what the listing says
 * about it. Text fields are plain text (markup, scripts and styles removed). Any field but
 * {@code url} may be null.
 */
public record FeedItem(String url, String id, String title, String summary, String author,
    Instant publishedAt, String language) {}
