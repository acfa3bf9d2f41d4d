package io.newsmon.ingestor.extract;

import java.time.Instant;

/**
 * What the extractor takes from one HTML page. Any field may be null except {@code text}, which is
 * empty when no article body was found.
 *
 * @param canonicalUrl the page's {@code <link rel=canonical>} or {@code og:url}, resolved
 * @param languageHint {@code <html lang>} or {@code content-language} metadata, as declared
 * @param comments visitor comments found on the page (blocks separated by blank lines), kept out of
 *     {@code text}; empty when the page shows none
 */
public record ExtractedArticle(
    String title,
    String text,
    String author,
    Instant publishedAt,
    String languageHint,
    String canonicalUrl,
    String comments) {}
