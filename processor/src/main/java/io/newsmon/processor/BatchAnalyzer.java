package io.newsmon.processor;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.dedup.Deduplicator;
import io.newsmon.processor.dedup.InMemoryDedupState;

/**
 * Analysis plus duplicate and story decisions for a sequence of articles, in input order, with
 * in-memory state: what {@code newsmon analyze} runs. The same step classes as the stream, so an
 * input gives the same answers here as in {@code news.processed} when it arrives in this order.
 * Not thread-safe (the order is the point).
 *
 * <p>The time of an article, for the dedup window, is its publication time, else its fetch time,
 * else the time of the previous article (or now for the first).
 */
public final class BatchAnalyzer {

  private final ArticleAnalyzer analyzer;
  private final Deduplicator deduplicator;
  private final InMemoryDedupState state = new InMemoryDedupState();
  private long clock = System.currentTimeMillis();

  BatchAnalyzer(ArticleAnalyzer analyzer, Deduplicator deduplicator) {
    this.analyzer = analyzer;
    this.deduplicator = deduplicator;
  }

  public static BatchAnalyzer create(NewsmonConfig config) {
    return new BatchAnalyzer(ArticleAnalyzer.create(config),
        new Deduplicator(Deduplicator.Settings.from(config)));
  }

  /** Analyses the next article; {@code id} is its article id (or, for a file, its name). */
  public ProcessedArticle next(String id, RawArticle article) {
    ArticleAnalyzer.Analyzed analyzed = analyzer.analyzeWithFingerprint(article);
    if (article.eventTime() != null) {
      clock = article.eventTime().toEpochMilli();
    }
    return ProcessedArticle.of(id, article, deduplicator.decide(state, id, article, analyzed.analysis(),
        analyzed.fingerprint(), clock));
  }
}
